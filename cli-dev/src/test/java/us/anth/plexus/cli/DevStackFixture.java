package us.anth.plexus.cli;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import us.anth.plexus.devkit.cluster.KubeLocalBinary;
import us.anth.plexus.store.TaskRecordStore;
import us.anth.plexus.store.TaskStageStore;

/**
 * One dev stack, and a way to run plexusctl commands against it in-process: for a whole test class
 * as {@code @RegisterExtension static final DevStackFixture dev = DevStackFixture.perClass()}
 * (started before the first test in a directory under {@code target/dev-stacks/}, kept there for
 * reading after a failure, stopped after the last), or started at once with {@link
 * #DevStackFixture(Path)}.
 */
final class DevStackFixture implements AutoCloseable, BeforeAllCallback, AfterAllCallback {
  private final DevCluster cluster;
  private Path dir;
  DevStack stack;

  /** Starts a stack on the in-process API in {@code devDir} now. */
  DevStackFixture(Path devDir) {
    this(DevCluster.api);
    dir = devDir;
    stack = DevStack.start(cluster, devDir);
  }

  private DevStackFixture(DevCluster cluster) {
    this.cluster = cluster;
  }

  /** A stack on the in-process API for the class that registers it. */
  static DevStackFixture perClass() {
    return perClass(DevCluster.api);
  }

  /**
   * A stack on {@code cluster} for the class that registers it; on {@link DevCluster#local} the
   * class is skipped (with the reason) when the kube-local binary is missing.
   */
  static DevStackFixture perClass(DevCluster cluster) {
    return new DevStackFixture(cluster);
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    if (cluster == DevCluster.local) {
      KubeLocalBinary binary = KubeLocalBinary.find();
      assumeTrue(binary.path().isPresent(), binary.reason());
    }
    Path stacks = Files.createDirectories(Path.of("target", "dev-stacks"));
    dir = Files.createTempDirectory(stacks, context.getRequiredTestClass().getSimpleName() + "-");
    stack = DevStack.start(cluster, dir.resolve(".dev"));
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (stack != null) {
      close();
    }
  }

  /** A directory of this stack's for the test's own files. */
  Path dir() {
    return dir;
  }

  /** The stack's DynamoDB Task records. */
  TaskRecordStore records() {
    return new TaskRecordStore(stack.dynamo().client(), stack.dynamo().settings());
  }

  /** The stack's DynamoDB TaskStage records. */
  TaskStageStore stages() {
    return new TaskStageStore(stack.dynamo().client(), stack.dynamo().settings());
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
