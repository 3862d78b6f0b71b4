package us.anth.plexus.controlplane;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP proxy in front of DynamoDB Local that answers a share of requests as DynamoDB does when a
 * table's throughput is exceeded (400, {@code ProvisionedThroughputExceededException}) and forwards
 * the others; {@link #stop()} and {@link #restart()} take it off its port and back, so clients see
 * connection refused, as with DynamoDB down.
 */
final class DynamoFaultProxy implements AutoCloseable {
  private static final String THROTTLED =
      "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException\","
          + "\"message\":\"The level of configured provisioned throughput for the table was"
          + " exceeded. Consider increasing your provisioning level with the UpdateTable API.\"}";
  private static final Set<String> HOP_HEADERS =
      Set.of("host", "content-length", "connection", "expect", "upgrade", "transfer-encoding");

  final AtomicInteger forwarded = new AtomicInteger();
  final AtomicInteger throttled = new AtomicInteger();
  private final int port;
  private final String upstream;
  private final double throttleShare;
  private final Random random = new Random(13);
  private final HttpClient client = HttpClient.newHttpClient();
  private HttpServer server;

  private DynamoFaultProxy(int port, String upstream, double throttleShare) {
    this.port = port;
    this.upstream = upstream;
    this.throttleShare = throttleShare;
  }

  /** Listens on {@code port} (loopback), forwarding to {@code upstream}. */
  static DynamoFaultProxy start(int port, String upstream, double throttleShare)
      throws IOException {
    DynamoFaultProxy proxy = new DynamoFaultProxy(port, upstream, throttleShare);
    proxy.restart();
    return proxy;
  }

  String endpoint() {
    return "http://127.0.0.1:" + port;
  }

  /** Stops listening: connections are refused until {@link #restart()}. */
  synchronized void stop() {
    if (server != null) {
      server.stop(0);
      server = null;
    }
  }

  /** Listens again on the same port. */
  synchronized void restart() throws IOException {
    if (server == null) {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
      server.createContext("/", this::handle);
      server.setExecutor(Executors.newFixedThreadPool(8));
      server.start();
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      if (shouldThrottle()) {
        throttled.incrementAndGet();
        byte[] answer = THROTTLED.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
        exchange
            .getResponseHeaders()
            .set("x-amzn-ErrorType", "ProvisionedThroughputExceededException");
        exchange.sendResponseHeaders(400, answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(answer);
        }
        return;
      }
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(upstream + exchange.getRequestURI()))
              .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
      exchange
          .getRequestHeaders()
          .forEach(
              (name, values) -> {
                if (!HOP_HEADERS.contains(name.toLowerCase())) {
                  values.forEach(value -> request.header(name, value));
                }
              });
      HttpResponse<byte[]> response;
      try {
        response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        exchange.sendResponseHeaders(503, -1);
        return;
      }
      forwarded.incrementAndGet();
      response
          .headers()
          .map()
          .forEach(
              (name, values) -> {
                if (!HOP_HEADERS.contains(name.toLowerCase()) && !name.startsWith(":")) {
                  exchange.getResponseHeaders().put(name, values);
                }
              });
      byte[] answer = response.body();
      exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
      if (answer.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(answer);
        }
      }
    }
  }

  private synchronized boolean shouldThrottle() {
    return random.nextDouble() < throttleShare;
  }

  @Override
  public void close() {
    stop();
  }
}
