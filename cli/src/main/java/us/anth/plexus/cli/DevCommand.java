package us.anth.plexus.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import us.anth.plexus.api.PlexusTask;

/**
 * {@code plexusctl dev}: the whole system in this process (see {@link DevEnvironment}) until
 * Ctrl-C; {@code --demo} dispatches the runner's demo task, follows it and exits with its result.
 */
@Command(
    name = "dev",
    description = "Run the API, DynamoDB Local, operator and local executor in this process.")
public final class DevCommand implements Callable<Integer> {
  @ParentCommand PlexusCtl root;

  /** The global options, given before or after this command's name. */
  GlobalOptions global() {
    return root.global;
  }

  @Mixin DevClusterOption cluster = new DevClusterOption();

  @Option(
      names = "--port",
      description = "Port of the Kubernetes API on 127.0.0.1 (default: a free port).",
      defaultValue = "0")
  int port;

  @Option(
      names = "--dev-dir",
      description = "Where the kubeconfig and pod logs go (default: ${DEFAULT-VALUE}).",
      defaultValue = ".dev")
  Path devDir;

  @Option(
      names = "--demo",
      description = "Dispatch the demo task, show its progress and exit with its result.")
  boolean demo;

  @Option(
      names = "--demo-seconds",
      description = "Demo duration (default: ${DEFAULT-VALUE}).",
      defaultValue = "20")
  double demoSeconds;

  @Option(
      names = "--demo-items",
      description = "Demo items (default: ${DEFAULT-VALUE}).",
      defaultValue = "2000")
  long demoItems;

  @Option(
      names = "--runner-classpath",
      description = "Classpath the local executor starts the runner with (default: this JVM's).")
  String runnerClasspath;

  @Override
  public Integer call() throws Exception {
    boolean table = global().human();
    PrintStream info = table ? System.out : System.err;
    DevEnvironment stack = startQuietly();
    try {
      printHowTo(stack, info);
      if (!demo) {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
            .addShutdownHook(
                new Thread(
                    () -> {
                      stack.close();
                      stopped.countDown();
                    }));
        info.println("Running until Ctrl-C.");
        stopped.await();
        return 0;
      }
      return runDemo(stack, table, info);
    } finally {
      if (demo) {
        stack.close();
      }
    }
  }

  /** DynamoDB Local prints an 8-line banner on stdout: dropped, or on stderr with -v. */
  private DevEnvironment startQuietly() {
    PrintStream stdout = System.out;
    System.setOut(
        global().verbose ? System.err : new PrintStream(java.io.OutputStream.nullOutputStream()));
    try {
      return DevEnvironment.start(options());
    } finally {
      System.setOut(stdout);
    }
  }

  /** The stack these options ask for; {@code -v} also makes its runners verbose. */
  DevOptions options() {
    return new DevOptions(cluster.cluster, port, devDir, runnerClasspath, global().verbose);
  }

  private int runDemo(DevEnvironment stack, boolean table, PrintStream info)
      throws InterruptedException {
    String command = "plexus-runner demo --seconds " + demoSeconds + " --items " + demoItems;
    TaskFactory.Request request =
        new TaskFactory.Request(command, "dev/demo", "dev", "demo", null, null, null);
    PlexusTask task = TaskFactory.build(request, DevRemote.NAMESPACE, TaskFactory.randomSuffix());
    Optional<CliContext.Stores> stores = Optional.of(stack.stores());
    PlexusTask created = TaskSubmitter.submit(stack.client(), stores, task);
    info.println("Dispatched task/" + created.getMetadata().getName() + ": " + command);
    PlexusTask last =
        new TaskFollower(stack.client(), info, true)
            .follow(created, Duration.ofSeconds((long) demoSeconds + 120));
    if (table) {
      System.out.print(TaskViews.detail(last));
    } else if (global().output() == OutputFormat.name) {
      System.out.print(OutputFormat.name.one(last));
    } else {
      System.out.print(global().output().document(DemoReport.of(last, stores.get())));
    }
    return TaskFollower.exitCode(last);
  }

  private void printHowTo(DevEnvironment stack, PrintStream out) throws IOException {
    Map<String, String> env = new LinkedHashMap<>(stack.clientEnv());
    StringBuilder exports = new StringBuilder();
    env.forEach((k, v) -> exports.append("export ").append(k).append('=').append(v).append('\n'));
    Path envFile = devDir.resolve("env");
    Files.writeString(envFile, exports.toString());
    out.println("Plexus dev stack (development only: Jobs run as local processes on this machine)");
    out.println(
        "  Kubernetes API: " + stack.apiUrl() + "   DynamoDB Local: " + stack.dynamoEndpoint());
    out.println("  Pool dev-default runs every target with an empty command prefix.");
    out.println("In another shell:");
    out.println(
        "  source "
            + envFile.toAbsolutePath()
            + "    # or: export KUBECONFIG="
            + stack.kubeconfig().toAbsolutePath());
    out.println("  kubectl get ptask");
    String remote = " --config " + stack.remotesFile().toAbsolutePath() + " --remote dev";
    out.println("  bin/plexusctl dispatch \"plexus-runner demo --seconds 10\" --wait" + remote);
    out.println("  bin/plexusctl list" + remote);
  }
}
