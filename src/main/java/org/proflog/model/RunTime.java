package org.proflog.model;

/** The {@code Run-time:} line: seconds since the process's first snapshot (all threads' CPU). */
public record RunTime(double userSys, double user, double sys, double real) {}
