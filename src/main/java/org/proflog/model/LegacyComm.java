package org.proflog.model;

import java.util.List;

/**
 * The {@code Comm:} line of Bro 2.4/2.5 builds with Broker, with its untimestamped
 * {@code dequeued} rows. All counters but {@code peers}, {@code stores}, {@code storeQueries} are
 * per interval: they reset at every snapshot.
 */
public record LegacyComm(
    long peers,
    long stores,
    long storeQueries,
    long storeResponses,
    long outgoingConnStatus,
    long incomingConnStatus,
    long reports,
    List<Dequeued> dequeued) {

  /** One {@code <topic> prints|events|logs dequeued=N} row. */
  public record Dequeued(String topic, String kind, long count) {}
}
