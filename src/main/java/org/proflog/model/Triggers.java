package org.proflog.model;

/** The {@code Triggers:} line: cumulative {@code when} triggers and those queued right now. */
public record Triggers(long total, long pending) {}
