package us.anth.plexus.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

/** How results are printed: human tables, or JSON/YAML documents for scripts. */
public enum OutputFormat {
  table,
  json,
  yaml;

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER));

  /** The document as JSON or YAML (not for {@link #table}). */
  public String document(Object value) {
    try {
      return this == yaml ? YAML.writeValueAsString(value) : JSON.writeValueAsString(value) + "\n";
    } catch (JsonProcessingException e) {
      throw new CliException("cannot render output: " + e.getOriginalMessage());
    }
  }
}
