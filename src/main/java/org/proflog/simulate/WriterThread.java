package org.proflog.simulate;

/**
 * One message thread's cumulative queue counters as Zeek prints them. {@code in} equals the
 * inbound writes and {@code out} the outbound writes, so only four numbers are kept.
 */
final class WriterThread {
  final String name;
  final double share;
  final boolean reader;
  long inW;
  long inR;
  long outW;
  long outR;
  double inCarry;
  double outCarry;

  WriterThread(String name, double share, boolean reader) {
    this.name = name;
    this.share = share;
    this.reader = reader;
  }
}
