/**
 * The prof.log simulator: writes realistic spool trees of Zeek/Bro {@code prof.log} files in the
 * exact bytes of any era (G1 Bro 2.0 … G9 Zeek 6.1+), with injected faults and a ground truth.
 *
 * <p>Entry points: {@link org.proflog.simulate.Simulator#write} (a whole cluster plus
 * {@code truth.json}), {@link org.proflog.simulate.Simulator#writeNode} (one node streamed to any
 * {@code OutputStream}, optionally reporting the values of each snapshot it wrote as
 * {@link org.proflog.simulate.WrittenSnapshot}), {@link org.proflog.simulate.ZeekVersion} (version →
 * era and format features). Same {@link org.proflog.simulate.SimulationSpec} → same bytes.
 */
package org.proflog.simulate;
