package us.anth.plexus.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One dev stack for a test class, and a way to run plexusctl commands against it in-process. */
final class DevStackFixture implements AutoCloseable {
  final DevStack stack;

  DevStackFixture(Path devDir) {
    this(devDir, DevCluster.api);
  }

  DevStackFixture(Path devDir, DevCluster cluster) {
    stack = DevStack.start(cluster, devDir);
  }

  /** Output and exit code of one command. */
  record Run(int exitCode, String out, String err) {}

  /** Runs {@code plexusctl <args> --config <dev remotes> --remote dev}, feeding {@code stdin}. */
  Run runWithInput(String stdin, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--config", stack.remotesFile().toString(), "--remote", DevRemote.NAME));
    CliRunner.Run run = CliRunner.runWithInput(stdin, all.toArray(String[]::new));
    return new Run(run.exitCode(), run.out(), run.err());
  }

  Run run(String... args) {
    return runWithInput("", args);
  }

  @Override
  public void close() {
    stack.close();
  }
}
