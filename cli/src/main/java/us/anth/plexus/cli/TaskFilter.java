package us.anth.plexus.cli;

import java.util.Optional;
import us.anth.plexus.api.PlexusTask;

/**
 * Which tasks a {@code list} or {@code delete} applies to; null fields match anything. {@code
 * status} matches the phase (Running, Failed, ...) or the dashboard status (RUNNING, COMPLETED,
 * FAILED, PENDING), case-insensitively.
 */
public record TaskFilter(String account, String status, String type, String target) {

  public boolean isEmpty() {
    return account == null && status == null && type == null && target == null;
  }

  public boolean matches(PlexusTask task) {
    var spec = task.getSpec();
    return spec != null
        && same(account, spec.getAccountId())
        && same(type, spec.getType())
        && same(target, spec.getTarget())
        && (status == null || statusMatches(task));
  }

  private boolean statusMatches(PlexusTask task) {
    String phase =
        Optional.ofNullable(task.getStatus())
            .map(s -> s.getPhase())
            .map(Enum::name)
            .orElse("Pending");
    return status.equalsIgnoreCase(phase) || status.equalsIgnoreCase(DashboardStatus.of(phase));
  }

  private static boolean same(String wanted, String actual) {
    return wanted == null || wanted.equals(actual);
  }
}
