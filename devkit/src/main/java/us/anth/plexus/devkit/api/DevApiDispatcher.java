package us.anth.plexus.devkit.api;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Wraps fabric8's CRUD dispatcher so kubectl can talk to the dev API: answers discovery and {@code
 * /version}, serves pod logs from a {@link PodLogStore} (see {@link PodLogQuery}), and renders
 * server-side Tables for custom resources with printer columns, and filters Events by the field
 * selectors the mock cannot index (see {@link EventFieldSelector}). Everything else goes to the
 * CRUD dispatcher; its JSON answers get the real server's Content-Type and list kinds (see {@link
 * TypedResponses}).
 */
public final class DevApiDispatcher extends Dispatcher {
  private static final Pattern POD_LOG =
      Pattern.compile("^/api/v1/namespaces/([^/]+)/pods/([^/]+)/log$");
  private static final Pattern CUSTOM_RESOURCE =
      Pattern.compile("^/apis/([^/]+)/([^/]+)/(?:namespaces/[^/]+/)?([^/]+)(?:/[^/]+)?$");

  private final KubernetesCrudDispatcher crud;
  private final PodLogStore podLogs;
  private final List<ApiResourceInfo> resources =
      new CopyOnWriteArrayList<>(ApiResourceInfo.builtIns());
  private final Map<String, TableRenderer> tables = new ConcurrentHashMap<>();

  public DevApiDispatcher(KubernetesCrudDispatcher crud, PodLogStore podLogs) {
    this.crud = crud;
    this.podLogs = podLogs;
  }

  /** Advertises a CRD's resources in discovery and enables its Table output. */
  public void registerCrd(CustomResourceDefinition crd) {
    var spec = crd.getSpec();
    for (CustomResourceDefinitionVersion v : spec.getVersions()) {
      boolean status = v.getSubresources() != null && v.getSubresources().getStatus() != null;
      resources.add(
          new ApiResourceInfo(
              spec.getGroup(),
              v.getName(),
              spec.getNames().getKind(),
              spec.getNames().getPlural(),
              spec.getNames().getSingular(),
              "Namespaced".equals(spec.getScope()),
              Optional.ofNullable(spec.getNames().getShortNames()).orElse(List.of()),
              status));
      List<PrinterColumn> columns = new ArrayList<>();
      Optional.ofNullable(v.getAdditionalPrinterColumns())
          .orElse(List.of())
          .forEach(c -> columns.add(new PrinterColumn(c.getName(), c.getType(), c.getJsonPath())));
      if (!columns.isEmpty()) {
        tables.put(
            spec.getGroup() + "/" + v.getName() + "/" + spec.getNames().getPlural(),
            new TableRenderer(columns));
      }
    }
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    return TypedResponses.of(request, route(request), resources);
  }

  private MockResponse route(RecordedRequest request) {
    String pathWithQuery = request.getPath();
    String path = pathWithQuery.split("\\?", 2)[0];
    if (!"GET".equalsIgnoreCase(request.getMethod())) {
      return crud.dispatch(request);
    }
    Optional<String> discovery = new DiscoveryDocuments(resources).forPath(pathWithQuery);
    if (discovery.isPresent()) {
      return json(200, discovery.get());
    }
    Matcher log = POD_LOG.matcher(path);
    if (log.matches()) {
      String query = pathWithQuery.contains("?") ? pathWithQuery.split("\\?", 2)[1] : "";
      return podLogs
          .read(log.group(1), log.group(2), PodLogQuery.parse(query))
          .map(
              text ->
                  new MockResponse()
                      .setResponseCode(200)
                      .setHeader("Content-Type", "text/plain")
                      .setBody(text))
          .orElseGet(() -> json(404, notFound("pods \"" + log.group(2) + "\" has no log")));
    }
    MockResponse events = EventFieldSelector.dispatch(request, crud);
    if (events != null) {
      return events;
    }
    if (path.startsWith("/openapi/")) {
      return json(404, notFound("OpenAPI is not served by the dev API"));
    }
    return maybeTable(request, path);
  }

  private MockResponse maybeTable(RecordedRequest request, String path) {
    String accept = Optional.ofNullable(request.getHeader("Accept")).orElse("");
    Matcher m = CUSTOM_RESOURCE.matcher(path);
    boolean watch = request.getPath().contains("watch=");
    MockResponse response = crud.dispatch(request);
    if (!accept.contains("as=Table") || watch || !m.matches() || response.code() != 200) {
      return response;
    }
    TableRenderer renderer = tables.get(m.group(1) + "/" + m.group(2) + "/" + m.group(3));
    if (renderer == null) {
      return response;
    }
    String body = response.getBody().readUtf8();
    return json(200, renderer.render(body, Instant.now()));
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse()
        .setResponseCode(code)
        .setHeader("Content-Type", "application/json")
        .setBody(body);
  }

  private static String notFound(String message) {
    return "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":\"NotFound\",\"code\":404,\"message\":\""
        + message.replace("\"", "\\\"")
        + "\"}";
  }

  @Override
  public void shutdown() {
    crud.shutdown();
  }
}
