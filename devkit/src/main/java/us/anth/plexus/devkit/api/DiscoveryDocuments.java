package us.anth.plexus.devkit.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the discovery documents kubectl reads before anything else ({@code /version}, {@code
 * /api}, {@code /apis}, {@code /api/v1}, {@code /apis/<group>/<version>}). Pure: no I/O.
 */
public final class DiscoveryDocuments {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final List<ApiResourceInfo> resources;

  public DiscoveryDocuments(List<ApiResourceInfo> resources) {
    this.resources = List.copyOf(resources);
  }

  /** The document for a discovery path (query string ignored), or empty if it is not one. */
  public Optional<String> forPath(String pathWithQuery) {
    String path = pathWithQuery.split("\\?", 2)[0];
    if (path.endsWith("/") && path.length() > 1) {
      path = path.substring(0, path.length() - 1);
    }
    if (path.equals("/version")) {
      return Optional.of(version());
    }
    if (path.equals("/api")) {
      return Optional.of(coreVersions());
    }
    if (path.equals("/apis")) {
      return Optional.of(groupList());
    }
    if (path.equals("/api/v1")) {
      return resourceList("v1");
    }
    if (path.startsWith("/apis/") && path.split("/").length == 4) {
      return resourceList(path.substring("/apis/".length()));
    }
    return Optional.empty();
  }

  private String version() {
    ObjectNode v = JSON.createObjectNode();
    v.put("major", "1").put("minor", "32").put("gitVersion", "v1.32.0-plexus-dev");
    v.put("gitCommit", "0000000000000000000000000000000000000000").put("gitTreeState", "clean");
    v.put("buildDate", "2026-01-01T00:00:00Z").put("goVersion", "go1.23");
    v.put("compiler", "gc").put("platform", "linux/amd64");
    return v.toString();
  }

  private String coreVersions() {
    ObjectNode doc = JSON.createObjectNode().put("kind", "APIVersions");
    doc.putArray("versions").add("v1");
    doc.putArray("serverAddressByClientCIDRs")
        .addObject()
        .put("clientCIDR", "0.0.0.0/0")
        .put("serverAddress", "127.0.0.1");
    return doc.toString();
  }

  private String groupList() {
    Map<String, String> groups = new LinkedHashMap<>();
    for (ApiResourceInfo r : resources) {
      if (!r.group().isEmpty()) {
        groups.putIfAbsent(r.group(), r.version());
      }
    }
    ObjectNode doc = JSON.createObjectNode().put("kind", "APIGroupList").put("apiVersion", "v1");
    ArrayNode list = doc.putArray("groups");
    groups.forEach(
        (group, version) -> {
          ObjectNode g = list.addObject().put("name", group);
          String gv = group + "/" + version;
          g.putArray("versions").addObject().put("groupVersion", gv).put("version", version);
          g.putObject("preferredVersion").put("groupVersion", gv).put("version", version);
        });
    return doc.toString();
  }

  private Optional<String> resourceList(String groupVersion) {
    List<ApiResourceInfo> matching =
        resources.stream().filter(r -> r.groupVersion().equals(groupVersion)).toList();
    if (matching.isEmpty()) {
      return Optional.empty();
    }
    ObjectNode doc = JSON.createObjectNode().put("kind", "APIResourceList");
    doc.put("apiVersion", "v1").put("groupVersion", groupVersion);
    ArrayNode list = doc.putArray("resources");
    for (ApiResourceInfo r : matching) {
      ObjectNode node = list.addObject().put("name", r.plural()).put("singularName", r.singular());
      node.put("namespaced", r.namespaced()).put("kind", r.kind());
      ArrayNode verbs = node.putArray("verbs");
      List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch")
          .forEach(verbs::add);
      if (!r.shortNames().isEmpty()) {
        ArrayNode shortNames = node.putArray("shortNames");
        r.shortNames().forEach(shortNames::add);
      }
      if (r.hasStatus()) {
        subresource(list, r, "status", List.of("get", "patch", "update"));
      }
      if (r.plural().equals("pods")) {
        subresource(list, r, "log", List.of("get"));
      }
    }
    return Optional.of(doc.toString());
  }

  private static void subresource(
      ArrayNode list, ApiResourceInfo r, String sub, List<String> verbs) {
    ObjectNode node = list.addObject().put("name", r.plural() + "/" + sub);
    node.put("singularName", "").put("namespaced", r.namespaced()).put("kind", r.kind());
    ArrayNode v = node.putArray("verbs");
    verbs.forEach(v::add);
  }
}
