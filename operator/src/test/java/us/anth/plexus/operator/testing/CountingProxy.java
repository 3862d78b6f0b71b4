package us.anth.plexus.operator.testing;

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
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Forwards POSTs to one URL and counts them: the requests a client really sends to a GraphQL
 * endpoint (test fixture, on a loopback port chosen by the OS).
 */
public final class CountingProxy implements AutoCloseable {
  private final HttpServer server;
  private final AtomicInteger requests = new AtomicInteger();

  private CountingProxy(URI target) throws IOException {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          requests.incrementAndGet();
          try (InputStream in = exchange.getRequestBody();
              OutputStream out = exchange.getResponseBody()) {
            HttpRequest.Builder forward =
                HttpRequest.newBuilder(target)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(in.readAllBytes()));
            exchange.getRequestHeaders().forEach((name, values) -> copy(forward, name, values));
            HttpResponse<byte[]> answer =
                http.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.statusCode(), answer.body().length);
            out.write(answer.body());
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.sendResponseHeaders(502, -1);
          }
        });
    server.start();
  }

  /** A proxy in front of {@code target}. */
  public static CountingProxy to(URI target) throws IOException {
    return new CountingProxy(target);
  }

  /** The proxy's URL (send the client here). */
  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/graphql");
  }

  /** Requests forwarded so far. */
  public int requests() {
    return requests.get();
  }

  private static void copy(
      HttpRequest.Builder forward, String name, java.util.List<String> values) {
    String lower = name.toLowerCase(java.util.Locale.ROOT);
    if (lower.equals("x-api-key")
        || lower.equals("content-type")
        || lower.equals("authorization")) {
      values.forEach(v -> forward.header(name, v));
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
