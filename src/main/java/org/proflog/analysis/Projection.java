package org.proflog.analysis;

/**
 * When a trend reaches a limit if it goes on: {@code limit} in {@code unit}, reached at
 * {@code reachedAtMicros} ({@code hoursLeft} from the end of the data).
 */
public record Projection(double limit, String unit, long reachedAtMicros, double hoursLeft) {}
