package us.anth.plexus.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import us.anth.plexus.api.PlexusTask;

/**
 * How results are printed, as kubectl's {@code -o}: human tables ({@code table}, {@code wide}),
 * {@code name} (one {@code plexustask.plexus.anth.us/NAME} per line), or JSON/YAML documents.
 */
public enum OutputFormat {
  table,
  wide,
  name,
  json,
  yaml;

  /** The resource prefix {@code -o name} prints, as kubectl does for the PlexusTask kind. */
  public static final String NAME_PREFIX = "plexustask.plexus.anth.us/";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER));

  /** The document as JSON or YAML (not for the human formats). */
  public String document(Object value) {
    try {
      return this == yaml ? YAML.writeValueAsString(value) : JSON.writeValueAsString(value) + "\n";
    } catch (JsonProcessingException e) {
      throw new CliException("cannot render output: " + e.getOriginalMessage());
    }
  }

  /** Tasks as kubectl prints several objects: a v1 List (json/yaml) or one name per line. */
  public String documents(List<PlexusTask> tasks) {
    if (this == name) {
      StringBuilder out = new StringBuilder();
      tasks.forEach(t -> out.append(NAME_PREFIX).append(t.getMetadata().getName()).append('\n'));
      return out.toString();
    }
    Map<String, Object> list = new LinkedHashMap<>();
    list.put("apiVersion", "v1");
    list.put("kind", "List");
    list.put("items", tasks);
    list.put("metadata", Map.of("resourceVersion", ""));
    return document(list);
  }

  /** One task: its document (json/yaml) or its name line. */
  public String one(PlexusTask task) {
    return this == name ? NAME_PREFIX + task.getMetadata().getName() + "\n" : document(task);
  }
}
