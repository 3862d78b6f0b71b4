package us.anth.plexus.cli;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * Runs {@code plexusctl list} (table and JSON) against a canned API on a loopback port, output
 * discarded. {@code bin/plexusctl} runs it once after each build with {@code
 * -XX:ArchiveClassesAtExit}, so the class-data sharing archive holds what a client call loads,
 * whichever command happens to come first. Not a user command.
 */
public final class CdsTraining {
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

  public static void main(String[] args) throws Exception {
    HttpServer api =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    byte[] body = TASKS.getBytes(StandardCharsets.UTF_8);
    api.createContext(
        "/",
        exchange -> {
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    api.start();
    Path kubeconfig = Files.createTempFile("plexusctl-cds", ".yaml");
    PrintStream stdout = System.out;
    try {
      Files.writeString(kubeconfig, kubeconfig(api.getAddress().getPort()));
      System.setOut(new PrintStream(OutputStream.nullOutputStream()));
      for (String output : new String[] {"table", "json"}) {
        CommandLine cli = PlexusCtl.commandLine(false);
        cli.setOut(new PrintWriter(OutputStream.nullOutputStream()));
        cli.setErr(new PrintWriter(OutputStream.nullOutputStream()));
        cli.execute("list", "--kubeconfig", kubeconfig.toString(), "-o", output);
      }
    } finally {
      System.setOut(stdout);
      api.stop(0);
      Files.deleteIfExists(kubeconfig);
    }
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
