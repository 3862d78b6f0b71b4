package us.anth.plexus.api;

/** Test access to the pool's CEL pattern literal, which is package-private in the model. */
public final class PlexusWorkerPoolSpecCel {
  private PlexusWorkerPoolSpecCel() {}

  /** The regular expression inside the pool's targets CEL rule, as written in CEL. */
  public static String patternRegexCel() {
    return PlexusWorkerPoolSpec.PATTERN_REGEX_CEL;
  }
}
