package org.proflog.model;

/**
 * The {@code Memory:} line. {@code totalK} is peak RSS on Linux since Bro 2.4 (never decreases),
 * {@code mallocedK} is heap in use (0 on Linux from Zeek 5.2). {@code totalAdjK} is as printed and
 * may be wrapped (Q7): recompute it from {@code totalK} when it matters.
 */
public record Memory(long totalK, long totalAdjK, long mallocedK) {}
