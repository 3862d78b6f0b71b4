package us.anth.plexus.runner;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.api.PlexusTaskSpec;
import us.anth.plexus.api.command.CommandSyntaxException;
import us.anth.plexus.api.command.CommandWords;
import us.anth.plexus.runner.publish.ProgressSink;
import us.anth.plexus.runner.publish.PublishPolicy;
import us.anth.plexus.runner.publish.StatusPublisher;
import us.anth.plexus.runner.publish.TaskRef;

/**
 * Serves one PlexusTask: reads it, runs its command, publishes its state; returns the exit code.
 */
public final class TaskRunner {
  private final RunnerSettings settings;
  private final KubernetesClient client;
  private final List<ProgressSink> sinks;
  private final Consumer<String> log;

  public TaskRunner(
      RunnerSettings settings,
      KubernetesClient client,
      List<ProgressSink> sinks,
      Consumer<String> log) {
    this.settings = settings;
    this.client = client;
    this.sinks = sinks;
    this.log = log;
  }

  public int run() {
    PlexusTask task = TaskReader.read(client, settings.taskNamespace(), settings.taskName(), log);
    if (task == null || task.getSpec() == null) {
      log.accept(
          "PlexusTask " + settings.taskNamespace() + "/" + settings.taskName() + " not found");
      return 1;
    }
    PlexusTaskSpec spec = task.getSpec();
    TaskRef ref = new TaskRef(settings.taskNamespace(), settings.taskName(), taskId(spec));
    TaskRun run = new TaskRun(ref, spec.getStages(), settings.tailBytes(), Clock.systemUTC(), log);
    StatusPublisher publisher =
        new StatusPublisher(sinks, run::snapshot, PublishPolicy.DEFAULT, log);
    run.addListener(publisher);
    CommandExecution execution =
        new CommandExecution(run, settings.timeout(), settings.killGrace(), log);
    CountDownLatch done = new CountDownLatch(1);
    Thread hook = new Thread(() -> onSigterm(execution, done), "plexus-runner-sigterm");
    Runtime.getRuntime().addShutdownHook(hook);
    RunResult result = null;
    try {
      result = execute(run, execution, commandOf(spec), ref.taskIdOrNull());
      return result.exitCode();
    } finally {
      publisher.finish(settings.flushTimeout());
      done.countDown();
      removeHook(hook);
      log.accept("finished: " + (result == null ? "runner error" : describe(result)));
    }
  }

  /**
   * The command the operator put into the Job (PLEXUS_COMMAND, spec.command when the Job was
   * created), so an edit of spec.command after that never runs; spec.command for older Jobs.
   */
  private String commandOf(PlexusTaskSpec spec) {
    String created = settings.command();
    return created == null ? spec.getCommand() : created;
  }

  private RunResult execute(
      TaskRun run, CommandExecution execution, String command, String taskId) {
    RunResult result;
    try {
      PlexusAttach attach = new PlexusAttach(settings.taskIdArg(), taskId);
      List<String> argv = CommandArgv.of(settings.commandPrefix(), command, attach);
      log.accept(
          "pod "
              + settings.podName()
              + " running "
              + (settings.verbose()
                  ? CommandArgv.forLog(argv)
                  : (settings.commandPrefix() + " " + command).strip()));
      if (settings.plexusApi()
          && attach.attaches(
              CommandWords.split(settings.commandPrefix()), CommandWords.split(command))) {
        log.accept(
            "the command reports its own progress through the Plexus API; its TaskStage records"
                + " are read back, none are written here");
        List<Runnable> stops =
            sinks.stream().map(s -> s.followCommandProgress(attach.taskId(), run::apply)).toList();
        return execution.execute(argv, attach.childEnv(), () -> stops.forEach(Runnable::run));
      }
      return execution.execute(argv, attach.childEnv(), () -> {});
    } catch (CommandSyntaxException e) {
      result =
          new RunResult(RunResult.CANNOT_START, "cannot parse command: " + e.getMessage(), null);
    } catch (IOException e) {
      result =
          new RunResult(RunResult.CANNOT_START, "cannot start command: " + e.getMessage(), null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      result = RunResult.terminated(null);
    }
    run.finish(result);
    return result;
  }

  private void onSigterm(CommandExecution execution, CountDownLatch done) {
    execution.terminate();
    Duration wait = settings.killGrace().plus(settings.flushTimeout()).plusSeconds(5);
    try {
      done.await(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private String taskId(PlexusTaskSpec spec) {
    return settings.taskId().isBlank() ? spec.getTaskId() : settings.taskId();
  }

  private static String describe(RunResult result) {
    return result.succeeded() ? "exit 0" : "exit " + result.exitCode() + ": " + result.reason();
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // Already shutting down (SIGTERM): the hook is running and waits for us.
    }
  }
}
