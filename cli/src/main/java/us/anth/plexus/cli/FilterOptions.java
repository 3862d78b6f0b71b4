package us.anth.plexus.cli;

import picocli.CommandLine.Option;

/** The {@code --account/--status/--type/--target} options of list and delete. */
public final class FilterOptions {
  @Option(names = "--account", description = "Only tasks of this account id.")
  String account;

  @Option(
      names = "--status",
      description =
          "Only tasks in this phase (Running, Failed, ...) or dashboard status (COMPLETED, ...).")
  String status;

  @Option(names = "--type", description = "Only tasks of this type.")
  String type;

  @Option(names = "--target", description = "Only tasks with this target.")
  String target;

  TaskFilter toFilter() {
    return new TaskFilter(account, status, type, target);
  }
}
