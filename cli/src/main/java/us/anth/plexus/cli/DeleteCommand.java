package us.anth.plexus.cli;

import io.fabric8.kubernetes.client.KubernetesClientTimeoutException;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
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

  @Override
  public Integer call() throws IOException {
    TaskFilter f = filter.toFilter();
    if (task == null && f.isEmpty()) {
      throw new CliException(
          "name a task or give a filter (--account, --status, --type, --target)");
    }
    try (CliContext ctx = CliContext.open(global())) {
      List<PlexusTask> doomed =
          task != null
              ? List.of(Tasks.find(ctx.client(), ctx.namespace(), task))
              : Tasks.list(ctx.client(), ctx.namespace()).stream().filter(f::matches).toList();
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
      System.out.print(TaskViews.list(doomed));
      if (!force && !confirmed()) {
        System.out.println("Aborted; nothing deleted.");
        return 1;
      }
      String user = CliContext.user();
      for (PlexusTask t : doomed) {
        var resource =
            Tasks.api(ctx.client())
                .inNamespace(ctx.namespace())
                .withName(t.getMetadata().getName());
        if (Tasks.annotate(ctx.client(), t, DELETED_BY, user)) {
          resource.delete();
          awaitGone(resource, t.getMetadata().getName());
        }
        String id = t.getSpec() == null ? null : t.getSpec().getTaskId();
        ctx.stores()
            .filter(s -> id != null && !id.isBlank())
            .ifPresent(s -> s.tasks().deleteTask(id));
        System.out.println(
            "deleted task/" + t.getMetadata().getName() + (id == null ? "" : " (id " + id + ")"));
      }
      return 0;
    }
  }

  /** Like kubectl: wait for the operator's finalizer, so records are deleted after it ran. */
  private static void awaitGone(Resource<PlexusTask> resource, String name) {
    try {
      resource.waitUntilCondition(Objects::isNull, 60, TimeUnit.SECONDS);
    } catch (KubernetesClientTimeoutException e) {
      throw new CliException(
          "task/"
              + name
              + " is still terminating after 60s (the operator holds its finalizer until the"
              + " task's record is written: is DynamoDB reachable?); its records were kept");
    }
  }

  private static boolean confirmed() throws IOException {
    System.out.print("Proceed? [y/N] ");
    System.out.flush();
    String answer =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    return answer != null && List.of("y", "yes").contains(answer.trim().toLowerCase(Locale.ROOT));
  }
}
