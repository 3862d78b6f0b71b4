package us.anth.plexus.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One dev stack for a test class, and a way to run plexusctl commands against it in-process. */
final class DevStackFixture implements AutoCloseable {
  final DevStack stack;

  DevStackFixture(Path devDir) {
    stack = DevStack.start(0, devDir, null);
  }

  /** Output and exit code of one command. */
  record Run(int exitCode, String out, String err) {}

  /** Runs {@code plexusctl <args> --config <dev remotes> --remote dev}, feeding {@code stdin}. */
  synchronized Run runWithInput(String stdin, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--config", stack.remotesFile().toString(), "--remote", DevRemote.NAME));
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    InputStream oldIn = System.in;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
      var cli = PlexusCtl.commandLine(false);
      cli.setErr(new java.io.PrintWriter(System.err, true));
      int code = cli.execute(all.toArray(String[]::new));
      return new Run(
          code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
      System.setIn(oldIn);
    }
  }

  Run run(String... args) {
    return runWithInput("", args);
  }

  @Override
  public void close() {
    stack.close();
  }
}
