package org.proflog.model;

/** The {@code DNS_Mgr:} line ({@code succesful} and {@code successful} both land in {@code successful}). */
public record Dns(
    long requests, long successful, long failed, long pending, long cachedHosts, long cachedAddrs) {}
