package org.proflog.analysis;

/**
 * One answer of the analysis: what is wrong (or worth knowing), where, since when, how sure, and
 * what to do next.
 *
 * @param id stable identifier, {@code <kind>:<node>:<subject>}, so that runs can be compared
 * @param subject what the finding is about: a thread, a global, a metric ({@code memory.total})
 * @param segment the segment (process lifetime) of the node it concerns, or -1 for the whole node
 * @param projection when the trend reaches a limit, or null
 * @param explanation one sentence an operator understands
 * @param nextStep the next thing an operator would do
 */
public record Finding(
    String id,
    FindingKind kind,
    Severity severity,
    String node,
    String subject,
    int segment,
    long windowStartMicros,
    long windowEndMicros,
    Evidence evidence,
    Projection projection,
    String explanation,
    String nextStep) {

  /**
   * This finding at another severity: {@code sentence} is added to the explanation, the projection
   * is the one given, and the next step is replaced unless {@code nextStep} is null.
   */
  Finding demoted(Severity to, Projection projection, String sentence, String nextStep) {
    return new Finding(id, kind, to, node, subject, segment, windowStartMicros, windowEndMicros, evidence, projection,
        explanation + " " + sentence, nextStep == null ? this.nextStep : nextStep);
  }

  /** Builds the stable id of a finding. */
  public static String idOf(FindingKind kind, String node, String subject) {
    return kind.id() + ":" + node + ":" + subject;
  }
}
