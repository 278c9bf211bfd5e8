package org.proflog.model;

/**
 * One message-thread row (log writer, input reader): {@code in}/{@code out} count messages sent
 * into / out of the thread since it was created, {@code pendingIn}/{@code pendingOut} wait now, and
 * the {@code #queue r/w} counters are cumulative reads and writes of each queue. Names are not
 * unique within a snapshot; {@code ordinal} counts earlier rows of the same name (0 for the first).
 */
public record ThreadStats(
    String name,
    int ordinal,
    long in,
    long out,
    long pendingIn,
    long pendingOut,
    long inReads,
    long inWrites,
    long outReads,
    long outWrites) {}
