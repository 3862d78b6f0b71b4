package us.anth.plexus.devkit;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import us.anth.plexus.store.DynamoClients;
import us.anth.plexus.store.TaskStoreSettings;
import us.anth.plexus.store.TaskTables;

/**
 * DynamoDB Local 2.6.1 as an HTTP server on a free port (loopback endpoint), with the Task and
 * TaskStage tables created, so that child processes (the runner) reach it through {@link
 * #endpoint()}. The data lives in a temporary directory (deleted on {@link #close()}) rather than
 * in memory, so that {@link #stop()} and {@link #restart()} can simulate an outage on the same port
 * without losing it. A development and test tool only.
 */
public final class EmbeddedDynamo implements AutoCloseable {
  private final int port;
  private final Path dataDir;
  private final TaskStoreSettings settings;
  private final DynamoDbClient client;
  private DynamoDBProxyServer server;

  private EmbeddedDynamo(int port, TaskStoreSettings settings) {
    this.port = port;
    this.settings = settings;
    this.dataDir = createDataDir();
    this.server = startServer(port, dataDir);
    this.client = DynamoClients.create(settings);
  }

  /** Starts on a free port with tables {@code Task} and {@code TaskStage}, DataStore fields off. */
  public static EmbeddedDynamo start() {
    return start(TaskStoreSettings.defaults(), false);
  }

  /**
   * Starts on a free port; table names, region and DataStore switch come from {@code base}, the
   * endpoint is this server's and the mirror is enabled. {@code withStreams} turns on streams.
   */
  public static EmbeddedDynamo start(TaskStoreSettings base, boolean withStreams) {
    int port = freePort();
    EmbeddedDynamo dynamo = new EmbeddedDynamo(port, base.withEndpoint("http://127.0.0.1:" + port));
    TaskTables.create(dynamo.client, dynamo.settings, withStreams);
    return dynamo;
  }

  /** The HTTP endpoint, {@code http://127.0.0.1:<port>}. */
  public String endpoint() {
    return settings.endpoint();
  }

  public int port() {
    return port;
  }

  /** Settings pointing at this server (enabled); pass {@code toEnv()} to child processes. */
  public TaskStoreSettings settings() {
    return settings;
  }

  /** A client for this server, with the store's retry strategy. */
  public DynamoDbClient client() {
    return client;
  }

  /** Stops answering (connections are refused) but keeps the data; see {@link #restart()}. */
  public synchronized void stop() {
    if (server != null) {
      stopServer(server);
      server = null;
    }
  }

  /** Answers again on the same port after {@link #stop()}. */
  public synchronized void restart() {
    if (server == null) {
      server = startServer(port, dataDir);
    }
  }

  @Override
  public synchronized void close() {
    client.close();
    stop();
    deleteRecursively(dataDir);
  }

  private static DynamoDBProxyServer startServer(int port, Path dataDir) {
    try {
      DynamoDBProxyServer proxy =
          ServerRunner.createServerFromCommandLineArgs(
              new String[] {
                "-dbPath",
                dataDir.toString(),
                "-sharedDb",
                "-disableTelemetry",
                "-port",
                Integer.toString(port)
              });
      bindToLoopback(proxy);
      proxy.start();
      return proxy;
    } catch (Exception e) {
      throw new IllegalStateException("DynamoDB Local did not start on port " + port + ": " + e, e);
    }
  }

  /** DynamoDB Local listens on every interface; a development server should not. */
  private static void bindToLoopback(DynamoDBProxyServer proxy)
      throws ReflectiveOperationException {
    Field field = DynamoDBProxyServer.class.getDeclaredField("server");
    field.setAccessible(true);
    for (Connector connector : ((Server) field.get(proxy)).getConnectors()) {
      if (connector instanceof ServerConnector network) {
        network.setHost(InetAddress.getLoopbackAddress().getHostAddress());
      }
    }
  }

  private static void stopServer(DynamoDBProxyServer proxy) {
    try {
      proxy.stop();
    } catch (Exception e) {
      throw new IllegalStateException("DynamoDB Local did not stop: " + e, e);
    }
  }

  private static Path createDataDir() {
    try {
      return Files.createTempDirectory("plexus-dynamodb-local");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
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
