package us.anth.plexus.operator.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** GETs a path on a loopback port, as a probe or a Prometheus scraper would. */
public final class HttpProbe {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private HttpProbe() {}

  public static HttpResponse<String> get(int port, String path)
      throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
