package us.anth.plexus.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;
import us.anth.plexus.api.TaskPhase;

/** The {@code --account/--status/--type/--target} options of list and delete. */
public final class FilterOptions {
  @Option(names = "--account", description = "Only tasks of this account id.")
  String account;

  @Option(
      names = "--status",
      description =
          "Only tasks in this phase (Running, Failed, ...) or dashboard status (COMPLETED, ...).",
      completionCandidates = KnownStatuses.class)
  String status;

  @Option(names = "--type", description = "Only tasks of this type.")
  String type;

  @Option(names = "--target", description = "Only tasks with this target.")
  String target;

  /** The filter; an unknown --status is an error (exit 2) listing the known values. */
  TaskFilter toFilter() {
    if (status != null
        && KnownStatuses.ALL.stream().noneMatch(known -> known.equalsIgnoreCase(status))) {
      throw new CliException(
          "unknown --status '" + status + "'; known: " + String.join(", ", KnownStatuses.ALL), 2);
    }
    return new TaskFilter(account, status, type, target);
  }

  /** Every phase and every dashboard status, the values --status accepts (and completes). */
  static final class KnownStatuses extends ArrayList<String> {
    static final List<String> ALL = all();

    KnownStatuses() {
      super(ALL);
    }

    private static List<String> all() {
      Set<String> values = new LinkedHashSet<>();
      for (TaskPhase phase : TaskPhase.values()) {
        values.add(phase.name());
      }
      for (TaskPhase phase : TaskPhase.values()) {
        values.add(DashboardStatus.of(phase.name()));
      }
      return List.copyOf(values);
    }
  }
}
