package org.proflog.model;

/**
 * The summary {@code Conns: total=} line. {@code ext} is {@link Snapshot#ABSENT} from Zeek 3.1;
 * the estimate fields ({@code memBytes}, {@code avg}, {@code tableK}, {@code connvalsK}) exist only
 * up to Zeek 5.0 ({@code hasEstimates}) and are non-zero only in expensive snapshots. {@code memBytes}
 * is printed with a {@code K} suffix but counts bytes; {@code avg} may be NaN ({@code -nan}).
 */
public record ConnSummary(
    long total,
    long currentObjects,
    long currentSessions,
    long ext,
    boolean hasEstimates,
    long memBytes,
    double avg,
    long tableK,
    long connvalsK) {}
