package us.anth.plexus.devkit.appsync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A subscription client speaking AppSync's realtime protocol (sub-protocol {@code graphql-ws}:
 * {@code connection_init}/{@code connection_ack}, {@code start}/{@code start_ack}, {@code data},
 * {@code ka}) over a java.net.http WebSocket, authenticated with an API key as the dashboard's
 * Amplify client does. Collects every {@code data} event per subscription.
 */
public final class AppSyncSubscriber implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration ACK_TIMEOUT = Duration.ofSeconds(20);

  private final WebSocket socket;
  private final ObjectNode authorization;
  private final CompletableFuture<Void> connected = new CompletableFuture<>();
  private final ConcurrentHashMap<String, CompletableFuture<JsonNode>> acks =
      new ConcurrentHashMap<>();
  private final List<JsonNode> events = new CopyOnWriteArrayList<>();
  private int nextId;

  private AppSyncSubscriber(URI realtime, String host, String apiKey) {
    authorization = JSON.createObjectNode().put("host", host).put("x-api-key", apiKey);
    String header =
        Base64.getEncoder()
            .encodeToString(authorization.toString().getBytes(StandardCharsets.UTF_8));
    URI uri = URI.create(realtime + "?header=" + header + "&payload=e30=");
    socket =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .subprotocols("graphql-ws")
            .buildAsync(uri, new Listener())
            .join();
    socket.sendText("{\"type\":\"connection_init\"}", true);
    await(connected, "connection_ack");
  }

  /** Connects to the simulator's realtime endpoint with its API key. */
  public static AppSyncSubscriber connect(AppSyncSimulator simulator) {
    URI graphql = simulator.graphqlUrl();
    return new AppSyncSubscriber(
        simulator.realtimeUrl(), graphql.getHost() + ":" + graphql.getPort(), simulator.apiKey());
  }

  /** Starts a subscription and waits for its {@code start_ack}; returns the subscription id. */
  public synchronized String subscribe(String document) {
    String id = "s" + nextId++;
    CompletableFuture<JsonNode> ack = new CompletableFuture<>();
    acks.put(id, ack);
    ObjectNode payload = JSON.createObjectNode();
    payload.put("data", JSON.createObjectNode().put("query", document).toString());
    payload.putObject("extensions").set("authorization", authorization);
    ObjectNode start = JSON.createObjectNode().put("id", id).put("type", "start");
    start.set("payload", payload);
    socket.sendText(start.toString(), true);
    JsonNode answer = await(ack, "start_ack of " + document);
    if (!"start_ack".equals(answer.path("type").asText())) {
      throw new IllegalStateException("subscription refused: " + answer);
    }
    return id;
  }

  /** The {@code payload.data} of every event received so far, in arrival order. */
  public List<JsonNode> events() {
    List<JsonNode> data = new ArrayList<>();
    events.forEach(e -> data.add(e.path("payload").path("data")));
    return data;
  }

  /** The events of one subscription field (e.g. {@code onUpdateTask}) that match. */
  public List<JsonNode> events(String field, Predicate<JsonNode> match) {
    List<JsonNode> found = new ArrayList<>();
    for (JsonNode data : events()) {
      JsonNode value = data.path(field);
      if (!value.isMissingNode() && !value.isNull() && match.test(value)) {
        found.add(value);
      }
    }
    return found;
  }

  /**
   * Waits up to {@code timeout} for an event of {@code field} that matches and returns the first
   * such; throws {@link IllegalStateException} listing what did arrive when none does.
   */
  public JsonNode await(String field, Predicate<JsonNode> match, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      List<JsonNode> found = events(field, match);
      if (!found.isEmpty()) {
        return found.get(0);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw new IllegalStateException(
        "no matching " + field + " event within " + timeout + "; received " + events());
  }

  @Override
  public void close() {
    socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").orTimeout(5, TimeUnit.SECONDS);
  }

  private static <T> T await(CompletableFuture<T> future, String what) {
    try {
      return future.get(ACK_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("no " + what + " from the realtime endpoint: " + e, e);
    }
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        handle(partial.toString());
        partial.setLength(0);
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      connected.completeExceptionally(error);
      acks.values().forEach(a -> a.completeExceptionally(error));
    }

    private void handle(String text) {
      JsonNode message;
      try {
        message = JSON.readTree(text);
      } catch (Exception e) {
        return;
      }
      String type = message.path("type").asText();
      String id = message.path("id").asText(null);
      switch (type) {
        case "connection_ack" -> connected.complete(null);
        case "connection_error" -> connected.completeExceptionally(new IllegalStateException(text));
        case "start_ack", "error" -> {
          CompletableFuture<JsonNode> ack = id == null ? null : acks.get(id);
          if (ack != null) {
            ack.complete(message);
          }
        }
        case "data" -> events.add(message);
        default -> {
          // "ka" keep-alives and anything else
        }
      }
    }
  }
}
