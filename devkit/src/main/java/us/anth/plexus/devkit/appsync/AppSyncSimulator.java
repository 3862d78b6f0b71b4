package us.anth.plexus.devkit.appsync;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The Amplify AppSync simulator ({@code @aws-amplify/amplify-appsync-simulator}) as a Node.js child
 * process on a free port, serving the Task/TaskStage GraphQL API whose resolvers Amplify's
 * transformer ({@code @aws-amplify/graphql-transformer}) generates from the bundled {@code
 * schema.graphql}, with DynamoDB Local as its data source (tables {@code Task-<apiId>-NONE} and
 * {@code TaskStage-<apiId>-NONE}, created with Amplify's keys and index names). API-key and IAM
 * auth. A development and test tool only.
 */
public final class AppSyncSimulator implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofMinutes(2);

  private final Process process;
  private final int port;
  private final String apiKey;
  private final List<String> tables;

  private AppSyncSimulator(Process process, int port, String apiKey, List<String> tables) {
    this.process = process;
    this.port = port;
    this.apiKey = apiKey;
    this.tables = tables;
  }

  /**
   * Installs (once, cached) and starts the simulator over the DynamoDB Local at {@code
   * dynamoEndpoint}. Throws {@link SimulatorUnavailableException} with one line when Node.js or npm
   * is missing or the npm registry cannot be reached.
   */
  public static AppSyncSimulator start(String dynamoEndpoint, String apiKey) {
    requireTool("node");
    requireTool("npm");
    Path project = SimulatorProject.installed();
    int port = freePort();
    String apiId = "sim" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    Path log = project.resolve("simulator-" + apiId + ".log");
    try {
      Process process =
          new ProcessBuilder(
                  "node",
                  "server.js",
                  "--port",
                  Integer.toString(port),
                  "--dynamodb",
                  dynamoEndpoint,
                  "--api-key",
                  apiKey,
                  "--api-id",
                  apiId)
              .directory(project.toFile())
              .redirectError(log.toFile())
              .start();
      List<String> tables = awaitReady(process, log);
      return new AppSyncSimulator(process, port, apiKey, tables);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The GraphQL endpoint, {@code http://127.0.0.1:<port>/graphql}. */
  public URI graphqlUrl() {
    return URI.create("http://127.0.0.1:" + port + "/graphql");
  }

  /** The realtime (subscription) endpoint, {@code ws://127.0.0.1:<port>/graphql/realtime}. */
  public URI realtimeUrl() {
    return URI.create("ws://127.0.0.1:" + port + "/graphql/realtime");
  }

  public String apiKey() {
    return apiKey;
  }

  /** The Task table the simulator's resolvers write ({@code Task-<apiId>-NONE}). */
  public String taskTable() {
    return tables.get(0);
  }

  /** The TaskStage table the simulator's resolvers write. */
  public String stageTable() {
    return tables.get(1);
  }

  @Override
  public void close() {
    try {
      process.getOutputStream().close();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (IOException | InterruptedException e) {
      process.destroyForcibly();
    }
  }

  /** Reads stdout until "READY"; the "TABLES" line before it names the tables. */
  private static List<String> awaitReady(Process process, Path log) {
    CompletableFuture<List<String>> ready =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                BufferedReader out =
                    new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                List<String> tables = List.of();
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                  if (line.startsWith("TABLES ")) {
                    tables = List.of(line.substring(7).split(" "));
                  } else if (line.startsWith("READY ")) {
                    drain(out);
                    return tables;
                  }
                }
                return null;
              } catch (IOException e) {
                return null;
              }
            });
    try {
      List<String> tables = ready.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      if (tables == null || tables.size() != 2) {
        throw new IllegalStateException("the AppSync simulator exited: " + lastLine(log));
      }
      return tables;
    } catch (TimeoutException | ExecutionException e) {
      process.destroyForcibly();
      throw new IllegalStateException("the AppSync simulator did not start: " + lastLine(log), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new IllegalStateException("interrupted while starting the AppSync simulator", e);
    }
  }

  /** Keeps reading stdout so that the child never blocks on a full pipe. */
  private static void drain(BufferedReader out) {
    Thread drainer =
        new Thread(
            () -> {
              try {
                while (out.readLine() != null) {
                  // discarded
                }
              } catch (IOException ignored) {
                // the process ended
              }
            },
            "appsync-simulator-stdout");
    drainer.setDaemon(true);
    drainer.start();
  }

  private static String lastLine(Path log) {
    try {
      return Files.readAllLines(log).stream()
          .filter(l -> l.startsWith("appsync-sim:") || l.contains("Error"))
          .findFirst()
          .orElse("see " + log);
    } catch (IOException e) {
      return "see " + log;
    }
  }

  private static void requireTool(String tool) {
    try {
      Process probe = new ProcessBuilder(tool, "--version").redirectErrorStream(true).start();
      probe.getInputStream().readAllBytes();
      if (!probe.waitFor(30, TimeUnit.SECONDS) || probe.exitValue() != 0) {
        throw new SimulatorUnavailableException(tool + " --version failed");
      }
    } catch (IOException e) {
      throw new SimulatorUnavailableException(tool + " is not installed (" + e.getMessage() + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SimulatorUnavailableException("interrupted while probing " + tool);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
