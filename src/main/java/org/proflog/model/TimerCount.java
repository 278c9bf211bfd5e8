package org.proflog.model;

/** One timer-type row, {@code <ts>         ScheduleTimer = 9}: pending timers of that type. */
public record TimerCount(String type, long count) {}
