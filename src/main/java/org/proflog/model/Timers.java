package org.proflog.model;

/**
 * The {@code Timers:} line. {@code memK} is {@link Snapshot#ABSENT} from Zeek 3.1. {@code lagSeconds}
 * is meaningful only in timer-driven snapshots ({@link Snapshot#lagIsMeaningful()}).
 */
public record Timers(long current, long max, long memK, double lagSeconds) {}
