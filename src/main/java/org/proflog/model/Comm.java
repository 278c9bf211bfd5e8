package org.proflog.model;

/**
 * The Broker {@code Comm:} line of Bro 2.6 and later. {@code peers}, {@code stores} and
 * {@code pendingQueries} are current values; the six in/out counters are cumulative.
 */
public record Comm(
    long peers,
    long stores,
    long pendingQueries,
    long eventsIn,
    long eventsOut,
    long logsIn,
    long logsOut,
    long idsIn,
    long idsOut) {}
