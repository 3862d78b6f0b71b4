package us.anth.plexus.api.risk;

/** How much a task's command can change: the levels a pool's risk rules assign, least first. */
public enum RiskLevel {
  /** Reads only (e.g. {@code evaluate ...}, {@code report ...}). */
  ReadOnly,
  /** Creates or changes data. */
  Modify,
  /** Deletes or overwrites data that cannot be had back (e.g. {@code dataset delete ...}). */
  Destructive;

  /** Whether this level is {@code other} or more severe. */
  public boolean atLeast(RiskLevel other) {
    return compareTo(other) >= 0;
  }

  /** The more severe of two levels. */
  public static RiskLevel max(RiskLevel a, RiskLevel b) {
    return a.atLeast(b) ? a : b;
  }
}
