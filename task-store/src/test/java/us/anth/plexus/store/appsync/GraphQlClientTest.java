package us.anth.plexus.store.appsync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The client's transport rules against a local HTTP server standing in for answers the AppSync
 * simulator cannot give (outages, the exact signature headers): GraphQL errors are returned after
 * one request, outages are retried a bounded number of times, IAM requests carry SigV4 headers.
 */
class GraphQlClientTest {
  private final AtomicInteger requests = new AtomicInteger();
  private final List<Map<String, List<String>>> headers = new CopyOnWriteArrayList<>();
  private HttpServer server;

  private String serve(int status, String body) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/graphql",
        exchange -> {
          requests.incrementAndGet();
          headers.add(Map.copyOf(exchange.getRequestHeaders()));
          exchange.getRequestBody().readAllBytes();
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(status, bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    server.start();
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/graphql";
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void anUnauthorizedAnswerIsReturnedAfterOneRequest() throws Exception {
    String url =
        serve(
            401,
            "{\"errors\":[{\"errorType\":\"UnauthorizedException\",\"message\":\"You are not"
                + " authorized to make this call.\"}]}");
    GraphQlAnswer answer =
        client(Map.of(AppSyncSettings.API_KEY, "da2-bad")).execute("{ x }", vars());
    assertThat(answer.ok()).isFalse();
    assertThat(answer.message())
        .isEqualTo("UnauthorizedException: You are not authorized to make this call.");
    assertThat(requests).hasValue(1);
    assertThat(headers.get(0)).containsEntry("X-api-key", List.of("da2-bad"));
  }

  @Test
  void anOutageIsRetriedABoundedNumberOfTimes() throws Exception {
    serve(503, "busy");
    assertThatThrownBy(() -> client(Map.of(AppSyncSettings.API_KEY, "k")).execute("{ x }", vars()))
        .isInstanceOf(AppSyncUnavailableException.class)
        .hasMessageContaining("HTTP 503");
    assertThat(requests).hasValue(3);
  }

  @Test
  void iamRequestsAreSignedWithSigV4ForAppSync() throws Exception {
    serve(200, "{\"data\":{\"x\":1}}");
    System.setProperty("aws.accessKeyId", "AKIDEXAMPLE");
    System.setProperty("aws.secretAccessKey", "secret");
    try {
      GraphQlAnswer answer =
          client(Map.of(AppSyncSettings.AUTH, "iam", AppSyncSettings.REGION, "eu-west-2"))
              .execute("{ x }", vars());
      assertThat(answer.ok()).isTrue();
    } finally {
      System.clearProperty("aws.accessKeyId");
      System.clearProperty("aws.secretAccessKey");
    }
    String authorization = headers.get(0).get("Authorization").get(0);
    assertThat(authorization)
        .startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/")
        .contains("/eu-west-2/appsync/aws4_request")
        .contains("SignedHeaders=")
        .contains("Signature=");
    assertThat(headers.get(0)).containsKey("X-amz-date").doesNotContainKey("X-api-key");
  }

  private GraphQlClient client(Map<String, String> extra) {
    Map<String, String> env = new java.util.HashMap<>(extra);
    env.put(AppSyncSettings.URL, "http://127.0.0.1:" + server.getAddress().getPort() + "/graphql");
    return new GraphQlClient(AppSyncSettings.fromEnv(env));
  }

  private static com.fasterxml.jackson.databind.node.ObjectNode vars() {
    return JsonNodeFactory.instance.objectNode();
  }
}
