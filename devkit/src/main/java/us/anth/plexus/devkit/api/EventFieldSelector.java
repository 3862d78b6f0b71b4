package us.anth.plexus.devkit.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Lists Events with the field selectors the real API server supports for them ({@code
 * involvedObject.*}, {@code reason}, {@code type}). fabric8's CRUD mock indexes only {@code
 * metadata.name}/{@code namespace} and would answer an empty list, so these terms are taken out of
 * the query and applied to the list the mock returns.
 */
final class EventFieldSelector {
  private static final Pattern EVENTS = Pattern.compile("^/api/v1/(?:namespaces/[^/]+/)?events$");
  private static final ObjectMapper JSON = new ObjectMapper();

  private record Term(String field, String value, boolean equal) {
    boolean matches(JsonNode event) {
      JsonNode node = event.at("/" + field.replace('.', '/'));
      return value.equals(node.isMissingNode() || node.isNull() ? "" : node.asText()) == equal;
    }

    static Term parse(String text) {
      int not = text.indexOf("!=");
      if (not > 0) {
        return new Term(text.substring(0, not), text.substring(not + 2), false);
      }
      String[] parts = text.split("==?", 2);
      return new Term(parts[0], parts.length > 1 ? parts[1] : "", true);
    }

    boolean isEventField() {
      return field.startsWith("involvedObject.") || field.equals("reason") || field.equals("type");
    }
  }

  private EventFieldSelector() {}

  /** The mock's answer filtered by the event terms, or null when the request has none. */
  static MockResponse dispatch(RecordedRequest request, Dispatcher crud) {
    String[] pathAndQuery = request.getPath().split("\\?", 2);
    if (pathAndQuery.length < 2
        || !EVENTS.matcher(pathAndQuery[0]).matches()
        || pathAndQuery[1].contains("watch=")) {
      return null;
    }
    List<String> params = new ArrayList<>();
    List<Term> eventTerms = new ArrayList<>();
    for (String param : pathAndQuery[1].split("&")) {
      if (!param.startsWith("fieldSelector=")) {
        params.add(param);
        continue;
      }
      List<String> kept = new ArrayList<>();
      for (String text : decode(param.substring("fieldSelector=".length())).split(",")) {
        Term term = Term.parse(text);
        if (term.isEventField()) {
          eventTerms.add(term);
        } else {
          kept.add(text);
        }
      }
      if (!kept.isEmpty()) {
        params.add(
            "fieldSelector=" + URLEncoder.encode(String.join(",", kept), StandardCharsets.UTF_8));
      }
    }
    if (eventTerms.isEmpty()) {
      return null;
    }
    String path = pathAndQuery[0] + (params.isEmpty() ? "" : "?" + String.join("&", params));
    MockResponse response =
        crud.dispatch(
            new RecordedRequest(
                request.getHttpVersion(),
                request.method(),
                path,
                request.getHeaders(),
                request.getBody()));
    if (response.code() != 200) {
      return response;
    }
    return response.setBody(filter(response.getBody().readUtf8(), eventTerms));
  }

  private static String filter(String body, List<Term> terms) {
    try {
      ObjectNode list = (ObjectNode) JSON.readTree(body);
      ArrayNode kept = JSON.createArrayNode();
      list.withArray("items")
          .forEach(
              event -> {
                if (terms.stream().allMatch(t -> t.matches(event))) {
                  kept.add(event);
                }
              });
      list.set("items", kept);
      return JSON.writeValueAsString(list);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the mock answered an unreadable event list", e);
    }
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }
}
