/**
 * Generates what turns prof.log on for a given Zeek (or Bro) version: the site script with the
 * profiling redefs, where to put it, what it costs, and on Zeek 5.0+ the companion script that
 * writes global container names back into prof.log ({@code proflog-global} lines). Also lays out
 * the same as a zkg package. Nothing here prints; the {@code enable} command does.
 */
package org.proflog.enable;
