package us.anth.plexus.devkit.api;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The parts of a {@code GET pods/{name}/log} query the dev API honours: {@code timestamps=true}
 * (each line prefixed with its RFC 3339 time), {@code sinceTime} and {@code tailLines}. {@code
 * follow} is not streamed: the answer is the log so far.
 */
public record PodLogQuery(boolean timestamps, Optional<Instant> sinceTime, OptionalInt tailLines) {
  /** The whole log, without timestamps. */
  public static final PodLogQuery ALL =
      new PodLogQuery(false, Optional.empty(), OptionalInt.empty());

  /** Reads the query string of a request path ({@code a=b&c=d}, without the {@code ?}). */
  public static PodLogQuery parse(String query) {
    Map<String, String> params = new HashMap<>();
    for (String pair : query == null ? new String[0] : query.split("&")) {
      String[] kv = pair.split("=", 2);
      if (kv.length == 2) {
        params.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
      }
    }
    return new PodLogQuery(
        "true".equals(params.get("timestamps")),
        Optional.ofNullable(params.get("sinceTime")).flatMap(PodLogQuery::instant),
        Optional.ofNullable(params.get("tailLines"))
            .filter(v -> v.matches("\\d{1,9}"))
            .map(v -> OptionalInt.of(Integer.parseInt(v)))
            .orElse(OptionalInt.empty()));
  }

  private static Optional<Instant> instant(String value) {
    try {
      return Optional.of(Instant.parse(value));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
