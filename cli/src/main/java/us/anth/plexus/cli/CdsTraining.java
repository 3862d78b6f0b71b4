package us.anth.plexus.cli;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import picocli.CommandLine;

/**
 * Runs {@code plexusctl list} (table and JSON) against a canned API on a loopback port. {@code
 * bin/plexusctl} runs it once after each build with {@code -XX:ArchiveClassesAtExit}, so the
 * class-data sharing archive holds what a client call loads, whichever command happens to come
 * first; it exits non-zero (and the launcher keeps no archive) when a {@code list} fails or never
 * asks the API for tasks. Not a user command.
 */
public final class CdsTraining {
  /** The path a {@code list} in namespace {@code default} asks the API for. */
  static final String TASKS_PATH = "/apis/plexus.anth.us/v1alpha1/namespaces/default/plexustasks";

  private static final String TASKS =
      """
      {"apiVersion":"plexus.anth.us/v1alpha1","kind":"PlexusTaskList","metadata":{},"items":[
      {"apiVersion":"plexus.anth.us/v1alpha1","kind":"PlexusTask",
       "metadata":{"name":"train-1","namespace":"default","uid":"u-1",
                   "creationTimestamp":"2026-01-01T00:00:00Z"},
       "spec":{"taskId":"t-1","accountId":"a","type":"demo","target":"dev/local",
               "command":"plexus-runner demo"},
       "status":{"phase":"Running","pool":"default","currentStage":"Processing",
                 "conditions":[{"type":"Ready","status":"False","reason":"Running",
                                "message":"running","lastTransitionTime":"2026-01-01T00:00:01Z"}],
                 "stages":[{"name":"Processing","order":1,"status":"RUNNING",
                            "processedItems":5,"totalItems":10}]}}]}
      """;

  private CdsTraining() {}

  /**
   * What one training run did: each {@code list}'s exit code, their output (table, then JSON), and
   * the request paths the canned API served.
   */
  record Result(List<Integer> exitCodes, String output, List<String> requests) {
    /** Every list succeeded and at least one asked the API for the tasks. */
    boolean succeeded() {
      return exitCodes.stream().allMatch(code -> code == 0)
          && requests.stream().anyMatch(path -> path.startsWith(TASKS_PATH));
    }
  }

  public static void main(String[] args) throws Exception {
    Result result = train();
    if (!result.succeeded()) {
      System.err.println(
          "CdsTraining: list exit codes " + result.exitCodes() + ", requests " + result.requests());
      System.exit(1);
    }
  }

  /**
   * Runs the lists against the canned API, their output (System.out) kept, and says what happened.
   */
  static Result train() throws Exception {
    HttpServer api =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    byte[] body = TASKS.getBytes(StandardCharsets.UTF_8);
    List<String> requests = new CopyOnWriteArrayList<>();
    api.createContext(
        "/",
        exchange -> {
          requests.add(exchange.getRequestURI().getPath());
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    api.start();
    Path kubeconfig = Files.createTempFile("plexusctl-cds", ".yaml");
    PrintStream stdout = System.out;
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    List<Integer> exitCodes = new ArrayList<>();
    try {
      Files.writeString(kubeconfig, kubeconfig(api.getAddress().getPort()));
      System.setOut(new PrintStream(output, true, StandardCharsets.UTF_8));
      for (String format : new String[] {"table", "json"}) {
        CommandLine cli = PlexusCtl.commandLine(false);
        cli.setOut(new PrintWriter(System.out, true));
        cli.setErr(new PrintWriter(OutputStream.nullOutputStream()));
        exitCodes.add(cli.execute("list", "--kubeconfig", kubeconfig.toString(), "-o", format));
      }
    } finally {
      System.setOut(stdout);
      api.stop(0);
      Files.deleteIfExists(kubeconfig);
    }
    return new Result(
        List.copyOf(exitCodes), output.toString(StandardCharsets.UTF_8), List.copyOf(requests));
  }

  private static String kubeconfig(int port) {
    return String.join(
        "\n",
        "apiVersion: v1",
        "kind: Config",
        "clusters: [{name: training, cluster: {server: 'http://127.0.0.1:" + port + "'}}]",
        "users: [{name: training, user: {}}]",
        "contexts: [{name: training, context: {cluster: training, user: training,"
            + " namespace: default}}]",
        "current-context: training",
        "");
  }
}
