package us.anth.plexus.operator.bench;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import us.anth.plexus.operator.runtime.InternedStrings;

/**
 * Counts the requests a client sends, by verb and resource ({@code LIST jobs}, {@code PATCH
 * plexustasks/status}), as an interceptor on the client itself. Watches are counted as {@code
 * WATCH}, not as reads.
 */
final class RequestCounter implements Interceptor {
  private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
  private final AtomicLong lastRequestNanos = new AtomicLong(System.nanoTime());

  /**
   * A client with {@code config} whose requests this counter sees, reading JSON as {@code
   * OperatorMain}'s client does (interned strings), so the benchmark runs the production setup.
   */
  KubernetesClient client(Config config) {
    return InternedStrings.clientBuilder()
        .withConfig(config)
        .withHttpClientBuilderConsumer(b -> b.addOrReplaceInterceptor("bench-counter", this))
        .build();
  }

  @Override
  public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
    counts.computeIfAbsent(key(request), k -> new LongAdder()).increment();
    lastRequestNanos.set(System.nanoTime());
  }

  /** Counts so far, sorted by key. */
  Map<String, Long> snapshot() {
    Map<String, Long> copy = new TreeMap<>();
    counts.forEach((k, v) -> copy.put(k, v.sum()));
    return copy;
  }

  void reset() {
    counts.clear();
  }

  /** Writes (POST, PUT, PATCH, DELETE), Events excluded. */
  long writes() {
    return sum(List.of("POST", "PUT", "PATCH", "DELETE"), false);
  }

  /** Reads (GET of one object, LIST), watches excluded. */
  long reads() {
    return sum(List.of("GET", "LIST"), false);
  }

  long lists() {
    return sum(List.of("LIST"), false);
  }

  long eventWrites() {
    return sum(List.of("POST", "PUT", "PATCH"), true);
  }

  /** Blocks until no request was sent for {@code quietMillis} (at most {@code maxMillis}). */
  void awaitQuiet(long quietMillis, long maxMillis) throws InterruptedException {
    long deadline = System.nanoTime() + maxMillis * 1_000_000;
    while (System.nanoTime() < deadline
        && System.nanoTime() - lastRequestNanos.get() < quietMillis * 1_000_000) {
      Thread.sleep(50);
    }
  }

  private long sum(List<String> verbs, boolean events) {
    return snapshot().entrySet().stream()
        .filter(e -> verbs.contains(e.getKey().substring(0, e.getKey().indexOf(' '))))
        .filter(e -> e.getKey().endsWith(" events") == events)
        .mapToLong(Map.Entry::getValue)
        .sum();
  }

  /** {@code VERB resource[/subresource]}, GET of a collection as LIST, watches as WATCH. */
  static String key(HttpRequest request) {
    String query = request.uri().getQuery();
    String[] parts = request.uri().getPath().replaceFirst("^/", "").split("/");
    // api/v1/... or apis/group/version/...
    int i = parts[0].equals("api") ? 2 : 3;
    if (i + 1 < parts.length && parts[i].equals("namespaces") && parts.length > i + 2) {
      i += 2;
    }
    String resource = i < parts.length ? parts[i] : "?";
    boolean named = i + 1 < parts.length;
    String sub = i + 2 < parts.length ? "/" + parts[i + 2] : "";
    String verb = request.method();
    if (verb.equals("GET") && !named) {
      verb = query != null && query.contains("watch=true") ? "WATCH" : "LIST";
    }
    return verb + " " + resource + sub;
  }
}
