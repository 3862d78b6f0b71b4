package us.anth.plexus.devkit.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gives the CRUD mock's JSON answers what the real API server's carry and client-go's typed clients
 * rely on: a {@code Content-Type: application/json} header (without it client-go decodes the body
 * as the protobuf its typed clients ask for first, fails, and kubectl describe shows {@code Events:
 * <none>}) and a list kind named after its items ({@code EventList}, not the mock's {@code List},
 * which a typed client cannot convert).
 */
final class TypedResponses {
  private static final Pattern CORE_COLLECTION =
      Pattern.compile("^/api/(v1)/(?:namespaces/[^/]+/)?([^/]+)$");
  private static final Pattern GROUP_COLLECTION =
      Pattern.compile("^/apis/([^/]+)/([^/]+)/(?:namespaces/[^/]+/)?([^/]+)$");
  private static final ObjectMapper JSON = new ObjectMapper();

  private TypedResponses() {}

  /** {@code response}, typed; watches and WebSocket upgrades pass unchanged. */
  static MockResponse of(
      RecordedRequest request, MockResponse response, List<ApiResourceInfo> resources) {
    if (response.getWebSocketListener() != null || request.getPath().contains("watch=")) {
      return response;
    }
    byte[] body = response.getBody() == null ? new byte[0] : response.getBody().getBytes();
    if (body.length == 0 || body[0] != '{') {
      return response;
    }
    if (response.header("Content-Type") == null) {
      response.setHeader("Content-Type", "application/json");
    }
    if (!"GET".equalsIgnoreCase(request.getMethod()) || response.code() != 200) {
      return response;
    }
    String path = request.getPath().split("\\?", 2)[0];
    return listKind(path, resources)
        .map(kind -> retype(response, new String(body, StandardCharsets.UTF_8), kind))
        .orElse(response);
  }

  /** The list kind of the collection at {@code path} ({@code PodList}), when it is one we know. */
  static Optional<String> listKind(String path, List<ApiResourceInfo> resources) {
    Matcher core = CORE_COLLECTION.matcher(path);
    Matcher group = GROUP_COLLECTION.matcher(path);
    String apiGroup;
    String version;
    String plural;
    if (core.matches()) {
      apiGroup = "";
      version = core.group(1);
      plural = core.group(2);
    } else if (group.matches()) {
      apiGroup = group.group(1);
      version = group.group(2);
      plural = group.group(3);
    } else {
      return Optional.empty();
    }
    return resources.stream()
        .filter(r -> r.group().equals(apiGroup) && r.version().equals(version))
        .filter(r -> r.plural().equals(plural))
        .map(r -> r.kind() + "List")
        .findFirst();
  }

  private static MockResponse retype(MockResponse response, String body, String kind) {
    try {
      ObjectNode list = (ObjectNode) JSON.readTree(body);
      if (!"List".equals(list.path("kind").asText())) {
        return response;
      }
      list.put("kind", kind);
      return response.setBody(JSON.writeValueAsString(list));
    } catch (JsonProcessingException | ClassCastException e) {
      return response;
    }
  }
}
