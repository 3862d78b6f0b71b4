package us.anth.plexus.bridge;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP proxy in front of the mock Kubernetes API that answers the first {@code failures}
 * PlexusTask creations with a real HTTP 500 and forwards everything else (test fixture).
 */
public final class FailingKubeProxy implements AutoCloseable {
  private static final byte[] STATUS_500 =
      ("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\","
              + "\"message\":\"etcdserver: request timed out\",\"reason\":\"InternalError\",\"code\":500}")
          .getBytes(StandardCharsets.UTF_8);

  private final HttpServer server;
  private final HttpClient forward = HttpClient.newHttpClient();
  private final String target;
  private final AtomicInteger failuresLeft;
  private final AtomicInteger failuresSent = new AtomicInteger();

  private FailingKubeProxy(String target, int failures) throws IOException {
    this.target = target;
    this.failuresLeft = new AtomicInteger(failures);
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  /** A proxy to {@code targetUrl} failing the first {@code failures} PlexusTask POSTs. */
  public static FailingKubeProxy start(String targetUrl, int failures) throws IOException {
    return new FailingKubeProxy(targetUrl, failures);
  }

  /** A client through the proxy that does not retry by itself, so each 500 reaches the caller. */
  public KubernetesClient client() {
    return new KubernetesClientBuilder()
        .withConfig(
            new ConfigBuilder(io.fabric8.kubernetes.client.Config.empty())
                .withMasterUrl("http://127.0.0.1:" + server.getAddress().getPort())
                .withRequestRetryBackoffLimit(0)
                .build())
        .build();
  }

  /** How many 500s were answered so far. */
  public int failuresSent() {
    return failuresSent.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().toString();
      if ("POST".equals(exchange.getRequestMethod())
          && path.contains("/plexustasks")
          && failuresLeft.getAndDecrement() > 0) {
        failuresSent.incrementAndGet();
        exchange.getRequestBody().readAllBytes();
        reply(exchange, 500, STATUS_500);
        return;
      }
      byte[] body = exchange.getRequestBody().readAllBytes();
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(target + path))
              .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
      for (String header : List.of("Content-Type", "Accept")) {
        String value = exchange.getRequestHeaders().getFirst(header);
        if (value != null) {
          request.header(header, value);
        }
      }
      HttpResponse<byte[]> response =
          forward.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      response
          .headers()
          .firstValue("Content-Type")
          .ifPresent(v -> exchange.getResponseHeaders().add("Content-Type", v));
      reply(exchange, response.statusCode(), response.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void reply(HttpExchange exchange, int code, byte[] body) throws IOException {
    if (exchange.getResponseHeaders().getFirst("Content-Type") == null) {
      exchange.getResponseHeaders().add("Content-Type", "application/json");
    }
    exchange.sendResponseHeaders(code, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
