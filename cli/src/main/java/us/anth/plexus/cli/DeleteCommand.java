package us.anth.plexus.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import us.anth.plexus.api.PlexusLabels;
import us.anth.plexus.api.PlexusTask;

/**
 * {@code plexusctl delete <task | filters> [--force]}: shows the matching tasks, asks, then deletes
 * each PlexusTask and (when DynamoDB is configured) its Task and TaskStage records. Each task is
 * first annotated with who deletes it, which the operator writes into an unfinished task's record.
 */
@Command(
    name = "delete",
    description = "Delete tasks (the CR and the DynamoDB Task/TaskStage records).")
public final class DeleteCommand implements Callable<Integer> {
  /** Read by the operator on deletion: "Cancelled: PlexusTask deleted by <value>". */
  static final String DELETED_BY = PlexusLabels.PREFIX + "deleted-by";

  @ParentCommand PlexusCtl root;

  /** The global options, given before or after this command's name. */
  GlobalOptions global() {
    return root.global;
  }

  @Mixin FilterOptions filter;

  @Parameters(paramLabel = "TASK", arity = "0..1", description = "Task name or DynamoDB task id.")
  String task;

  @Option(
      names = {"-f", "--force"},
      description = "Do not ask for confirmation.")
  boolean force;

  /** How long one task may stay terminating (the operator's finalizer) before it is reported. */
  static final Duration FINALIZER_TIMEOUT = Duration.ofSeconds(60);

  @Override
  public Integer call() throws IOException, InterruptedException {
    TaskFilter f = filter.toFilter();
    if (task == null && f.isEmpty()) {
      throw new CliException(
          "name a task or give a filter (--account, --status, --type, --target)");
    }
    try (CliContext ctx = CliContext.open(global())) {
      boolean all = global().allNamespaces;
      List<PlexusTask> doomed;
      if (task != null) {
        var found = Tasks.lookup(ctx.client(), ctx.namespace(), task);
        if (found.isEmpty()) {
          return deleteOrphanedRecord(ctx, task);
        }
        doomed = List.of(found.get());
      } else {
        doomed =
            Tasks.list(ctx.client(), all ? null : ctx.namespace()).stream()
                .filter(f::matches)
                .toList();
      }
      if (doomed.isEmpty()) {
        System.out.println("No tasks match; nothing deleted.");
        return 0;
      }
      System.out.println(
          "Will delete "
              + doomed.size()
              + " task(s)"
              + (ctx.stores().isPresent() ? " and their DynamoDB records" : "")
              + ":");
      System.out.print(TaskViews.list(doomed, all, false, java.time.Instant.now()));
      if (!force && !confirmed()) {
        System.out.println("Aborted; nothing deleted.");
        return 1;
      }
      int failed =
          new TaskDeleter(ctx.client(), ctx.stores(), CliContext.user(), FINALIZER_TIMEOUT)
              .deleteAll(doomed, System.out, System.console() != null);
      return failed == 0 ? 0 : 1;
    }
  }

  /**
   * A Task record whose PlexusTask is gone (e.g. left by an interrupted delete) is deleted by its
   * id; with no such record either, the task is "not found".
   */
  private int deleteOrphanedRecord(CliContext ctx, String id) {
    var stores = ctx.stores();
    if (stores.isEmpty() || stores.get().tasks().find(id).isEmpty()) {
      throw new CliException(
          "task '" + id + "' not found in namespace " + ctx.namespace() + " (by name or task id)");
    }
    stores.get().tasks().deleteTask(id);
    System.out.println("deleted task record " + id + " (it had no PlexusTask)");
    return 0;
  }

  private static boolean confirmed() throws IOException {
    System.out.print("Proceed? [y/N] ");
    System.out.flush();
    String answer =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    return answer != null && List.of("y", "yes").contains(answer.trim().toLowerCase(Locale.ROOT));
  }
}
