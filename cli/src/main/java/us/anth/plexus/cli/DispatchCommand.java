package us.anth.plexus.cli;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import us.anth.plexus.api.DryRunReport;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.api.target.InvalidTargetException;
import us.anth.plexus.api.target.Target;

/**
 * {@code plexusctl dispatch "<command>" --target T}: creates a PlexusTask (and, when DynamoDB is
 * configured, its Task record first, as the dashboard does); {@code --wait} follows it.
 */
@Command(name = "dispatch", description = "Create a task that runs a Plexus CLI command.")
public final class DispatchCommand implements Callable<Integer> {
  @ParentCommand PlexusCtl root;

  /** The global options, given before or after this command's name. */
  GlobalOptions global() {
    return root.global;
  }

  @Parameters(
      paramLabel = "COMMAND",
      description = "The command, e.g. \"evaluate accuracy --scorecard x\".")
  String command;

  @Option(
      names = "--target",
      description =
          "Target as Plexus writes it, e.g. evaluation/accuracy (default: the remote's target,"
              + " else default/command).")
  String target;

  @Option(
      names = "--account",
      description = "Account id (default: the remote's env PLEXUS_ACCOUNT_ID; required).")
  String account;

  @Option(
      names = "--type",
      description =
          "Task type (default: the command's first word after a leading plexus or plexus-runner).")
  String type;

  @Option(
      names = "--pool",
      description =
          "Run on this PlexusWorkerPool (default: the remote's pool, else target routing).")
  String pool;

  @Option(names = "--timeout", description = "Task time limit in seconds.")
  Long timeoutSeconds;

  @Option(names = "--stages", description = "Declared stages, e.g. Setup,Processing:2000,Finalize.")
  String stages;

  @Option(
      names = "--wait-timeout",
      description = "How long --wait waits, in seconds (default: ${DEFAULT-VALUE}).",
      defaultValue = "3600")
  long waitTimeout;

  @Option(
      names = "--dry-run",
      description =
          "Plan only: print the exact Job a real run would create (YAML), its pool, risk and"
              + " whether it needs approval; no Job is created.")
  boolean dryRun;

  @ArgGroup(exclusive = true)
  Mode mode = new Mode();

  static final class Mode {
    @Option(
        names = "--wait",
        description = "Follow the task with progress bars; exit with its result.")
    boolean await;

    @Option(names = "--async", description = "Print the task name and id and return (the default).")
    boolean async;
  }

  @Override
  public Integer call() throws InterruptedException {
    try (CliContext ctx = CliContext.open(global())) {
      Remote remote = ctx.remote();
      String resolvedTarget = validTarget(CliContext.firstNonBlank(target, remote.target()));
      String resolvedAccount =
          CliContext.firstNonBlank(account, remote.env().get("PLEXUS_ACCOUNT_ID"));
      if (resolvedAccount == null) {
        throw new CliException(
            "no account id: pass --account or set env.PLEXUS_ACCOUNT_ID for remote "
                + remote.name()
                + " (the dashboard lists tasks by account)");
      }
      String resolvedType = CliContext.firstNonBlank(type, DefaultTaskType.of(command));
      TaskFactory.Request request =
          new TaskFactory.Request(
              command,
              resolvedTarget,
              resolvedAccount,
              resolvedType,
              timeoutSeconds,
              stages,
              CliContext.firstNonBlank(pool, remote.pool()));
      DispatchChecks.pool(ctx.client(), request.pool());
      PlexusTask task = TaskFactory.build(request, ctx.namespace(), TaskFactory.randomSuffix());
      if (dryRun) {
        task.getSpec().setDryRun(true);
      }
      PlexusTask created = TaskSubmitter.submit(ctx.client(), ctx.stores(), task);
      if (dryRun) {
        return printPlan(ctx, created);
      }
      return mode.await ? follow(ctx, created) : printCreated(created);
    }
  }

  /** The target as the CRD and the bridge accept it; missing means default/command. */
  private static String validTarget(String text) {
    try {
      return Target.orDefault(text).value();
    } catch (InvalidTargetException e) {
      throw new CliException(e.getMessage(), 2);
    }
  }

  private int printCreated(PlexusTask created) {
    if (global().human()) {
      System.out.println(createdLine(created));
    } else if (global().output() == OutputFormat.name) {
      System.out.print(OutputFormat.name.one(created));
    } else {
      System.out.print(
          global()
              .output()
              .document(
                  Map.of(
                      "name",
                      created.getMetadata().getName(),
                      "namespace",
                      created.getMetadata().getNamespace(),
                      "taskId",
                      String.valueOf(created.getSpec().getTaskId()))));
    }
    return 0;
  }

  private int printPlan(CliContext ctx, PlexusTask created) throws InterruptedException {
    DryRunReport plan = DryRunPlan.await(ctx.client(), created, Duration.ofSeconds(waitTimeout));
    if (global().human()) {
      System.err.println(DryRunPlan.summary(created, plan));
      System.out.print(DryRunPlan.jobYaml(plan));
    } else {
      System.out.print(global().output().document(plan));
    }
    return 0;
  }

  private int follow(CliContext ctx, PlexusTask created) throws InterruptedException {
    System.err.println(createdLine(created) + "; following (Ctrl-C stops following, not the task)");
    boolean table = global().human();
    PlexusTask last =
        new TaskFollower(ctx.client(), table ? System.out : System.err, true)
            .follow(created, Duration.ofSeconds(waitTimeout));
    System.out.print(table ? TaskViews.detail(last) : global().output().one(last));
    return TaskFollower.exitCode(last);
  }

  private static String createdLine(PlexusTask task) {
    String id = task.getSpec().getTaskId();
    return "task/"
        + task.getMetadata().getName()
        + " created"
        + (id == null ? "" : " (id " + id + ")");
  }
}
