package us.anth.plexus.cli;

/** Maps a PlexusTask phase to the dashboard's Task.status (PENDING, RUNNING, COMPLETED, FAILED). */
public final class DashboardStatus {
  private DashboardStatus() {}

  public static String of(String phase) {
    return switch (phase) {
      case "Running" -> "RUNNING";
      case "Succeeded" -> "COMPLETED";
      case "Failed", "Cancelled" -> "FAILED";
      default -> "PENDING";
    };
  }
}
