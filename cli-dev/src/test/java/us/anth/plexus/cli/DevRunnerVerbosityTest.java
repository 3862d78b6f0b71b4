package us.anth.plexus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import us.anth.plexus.devkit.executor.ProcessSpec;

/**
 * {@code plexusctl dev -v} reaches the runner processes the dev stack starts: parsed options → the
 * stack's executor options → the process the executor would start for a Job's container.
 */
class DevRunnerVerbosityTest {
  private static final Container RUNNER =
      new ContainerBuilder()
          .withName("runner")
          .withArgs("plexus-runner", "demo")
          .addNewEnv()
          .withName("PLEXUS_TASK_ID")
          .withValue("t-1")
          .endEnv()
          .build();

  @Test
  void verboseDevMakesEveryRunnerVerbose() {
    Map<String, String> env = runnerEnv("dev", "-v", "--dev-dir", "target/verbose-dev");

    assertThat(env).containsEntry("PLEXUS_RUNNER_VERBOSE", "true").containsKey("PLEXUS_TASK_ID");
  }

  @Test
  void verboseBeforeTheCommandCountsToo() {
    assertThat(runnerEnv("--verbose", "dev")).containsEntry("PLEXUS_RUNNER_VERBOSE", "true");
  }

  @Test
  void quietDevLeavesRunnersQuiet() {
    assertThat(runnerEnv("dev", "--dev-dir", "target/quiet-dev"))
        .doesNotContainKey("PLEXUS_RUNNER_VERBOSE")
        .containsEntry("PLEXUS_TASK_ID", "t-1");
  }

  @Test
  void aPoolsOwnSettingWinsOverDashV() {
    Container quietPool =
        new ContainerBuilder(RUNNER)
            .addNewEnv()
            .withName("PLEXUS_RUNNER_VERBOSE")
            .withValue("false")
            .endEnv()
            .build();
    DevCommand dev = parse("dev", "-v");

    Map<String, String> env =
        ProcessSpec.forContainer(quietPool, "demo-1-abcde", DevStack.executorOptions(dev.options()))
            .env();

    assertThat(env).containsEntry("PLEXUS_RUNNER_VERBOSE", "false");
  }

  /** The environment of the runner process the stack that {@code args} ask for would start. */
  private static Map<String, String> runnerEnv(String... args) {
    DevCommand dev = parse(args);
    return ProcessSpec.forContainer(RUNNER, "demo-1-abcde", DevStack.executorOptions(dev.options()))
        .env();
  }

  private static DevCommand parse(String... args) {
    CommandLine cli = PlexusCtl.commandLine(false);
    cli.parseArgs(args);
    return cli.getSubcommands().get("dev").getCommand();
  }
}
