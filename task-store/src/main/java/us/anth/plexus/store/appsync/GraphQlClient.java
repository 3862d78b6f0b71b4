package us.anth.plexus.store.appsync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import us.anth.plexus.store.appsync.GraphQlAnswer.GraphQlError;

/**
 * Sends GraphQL operations to the Amplify API over java.net.http, authenticated per {@link
 * AppSyncSettings}. Transport failures and 5xx/429 answers are retried a few times with backoff;
 * GraphQL errors (a bad key, a validation error, a failed condition) are returned at once, never
 * retried.
 */
public final class GraphQlClient {
  private static final Logger LOG = LoggerFactory.getLogger(GraphQlClient.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(15);
  private static final int ATTEMPTS = 3;

  private final AppSyncSettings settings;
  private final RequestAuth auth;
  private final HttpClient http;

  public GraphQlClient(AppSyncSettings settings) {
    this.settings = settings;
    this.auth = RequestAuth.of(settings);
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT)
            .build();
  }

  /**
   * Runs {@code document} with {@code variables}; throws {@link AppSyncUnavailableException} when
   * the API cannot be reached after the retries.
   */
  public GraphQlAnswer execute(String document, ObjectNode variables) {
    ObjectNode body = JSON.createObjectNode().put("query", document);
    body.set("variables", variables);
    String text = body.toString();
    String failure = null;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        HttpRequest.Builder request =
            HttpRequest.newBuilder(settings.url())
                .timeout(TIMEOUT)
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(text));
        auth.apply(request, settings.url(), text);
        HttpResponse<String> response =
            http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        int status = response.statusCode();
        if (status < 500 && status != 429) {
          return parse(status, response.body());
        }
        failure = "HTTP " + status + " from " + settings.url();
      } catch (IOException e) {
        failure =
            e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AppSyncUnavailableException("interrupted while calling " + settings.url());
      }
      sleep(attempt);
    }
    LOG.warn("AppSync {} unreachable after {} attempts: {}", settings.url(), ATTEMPTS, failure);
    throw new AppSyncUnavailableException("AppSync " + settings.url() + " unreachable: " + failure);
  }

  private static GraphQlAnswer parse(int status, String body) {
    JsonNode answer;
    try {
      answer = JSON.readTree(body);
    } catch (IOException e) {
      answer = null;
    }
    if (answer == null || !answer.isObject()) {
      return new GraphQlAnswer(null, List.of(new GraphQlError("HTTP " + status, oneLine(body))));
    }
    List<GraphQlError> errors = new ArrayList<>();
    for (JsonNode error : answer.path("errors")) {
      errors.add(
          new GraphQlError(
              error.path("errorType").asText(null), oneLine(error.path("message").asText(""))));
    }
    if (errors.isEmpty() && answer.has("errorMessage")) {
      errors.add(new GraphQlError("HTTP " + status, oneLine(answer.path("errorMessage").asText())));
    }
    if (errors.isEmpty() && status >= 400) {
      errors.add(new GraphQlError("HTTP " + status, oneLine(body)));
    }
    return new GraphQlAnswer(answer.get("data"), errors);
  }

  private static String oneLine(String text) {
    String line = text == null ? "" : text.replaceAll("\\s+", " ").trim();
    return line.length() > 500 ? line.substring(0, 500) + "…" : line;
  }

  private static void sleep(int attempt) {
    if (attempt >= ATTEMPTS) {
      return;
    }
    try {
      Thread.sleep(250L * attempt * attempt);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
