package org.proflog.model;

/**
 * The {@code RuleMatcher:} line of expensive snapshots (only when signatures are loaded). Before
 * Bro 2.5 it has {@code avgNfaStates} and no {@code nfaStates}; from 2.5 the reverse; the missing
 * one is {@link Snapshot#ABSENT}.
 */
public record RuleMatcher(
    long matchers, long nfaStates, long dfaStates, long ncomputed, long memK, long avgNfaStates) {}
