package us.anth.plexus.runner;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import us.anth.plexus.api.job.JobContract;
import us.anth.plexus.api.settings.RunnerVariables;
import us.anth.plexus.runner.publish.ProgressSink;

/** {@code run}: serves the PlexusTask named by the environment (the Job's container args). */
@Command(
    name = JobContract.RUN_COMMAND,
    description = "Run the command of the PlexusTask named by PLEXUS_TASK_NAMESPACE/NAME.")
public final class RunCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    Map<String, String> env = System.getenv();
    RunnerSettings settings;
    try {
      settings = RunnerSettings.fromEnv(env);
    } catch (IllegalArgumentException e) {
      RunnerLog.STDERR.accept("cannot start: " + e.getMessage());
      return RunResult.CANNOT_START;
    }
    try (KubernetesClient client = KubernetesClients.create()) {
      // A rollback Job's runner reports nothing: the task's status and records stay the task's.
      List<ProgressSink> sinks =
          RunnerVariables.ROLLBACK.read(env) ? List.of() : ProgressSinks.create(client, env);
      return new TaskRunner(settings, client, sinks, RunnerLog.STDERR).run();
    } catch (IllegalArgumentException e) {
      RunnerLog.STDERR.accept("cannot start: " + e.getMessage());
      return RunResult.CANNOT_START;
    } catch (KubernetesClientException e) {
      RunnerLog.STDERR.accept(
          "cannot read PlexusTask "
              + settings.taskNamespace()
              + "/"
              + settings.taskName()
              + " from the Kubernetes API ("
              + rootCause(e)
              + ")");
      return 1;
    }
  }

  private static String rootCause(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    String message =
        cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    return message.lines().findFirst().orElse("");
  }
}
