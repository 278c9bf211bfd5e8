package org.proflog.model;

/** The {@code Conns: tcp=a/b udp=c/d icmp=e/f} line: current and peak-ever entries per protocol. */
public record ConnProtocols(long tcp, long tcpMax, long udp, long udpMax, long icmp, long icmpMax) {}
