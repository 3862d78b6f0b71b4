package us.anth.plexus.devkit.appsync;

/** The AppSync simulator cannot run here (no Node.js/npm, or the npm registry is unreachable). */
public final class SimulatorUnavailableException extends RuntimeException {
  public SimulatorUnavailableException(String message) {
    super(message);
  }
}
