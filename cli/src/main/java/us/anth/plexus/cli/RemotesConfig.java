package us.anth.plexus.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The remotes file ({@code ~/.config/plexus/config.yaml}; {@code --config} or {@code PLEXUS_CONFIG}
 * override the path):
 *
 * <pre>
 * remotes:
 *   prod:
 *     context: eks-prod            # kube context (default: the current one)
 *     kubeconfig: ~/.kube/prod     # optional; default $KUBECONFIG or ~/.kube/config
 *     namespace: plexus
 *     target: training/gpu         # default --target for dispatch
 *     pool: gpu-pool               # default --pool for dispatch
 *     env: {PLEXUS_DYNAMODB_ENABLED: "true", PLEXUS_DYNAMODB_TASK_TABLE: Task-abc-NONE}
 * </pre>
 */
public record RemotesConfig(Map<String, Remote> remotes) {
  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  /** The file's top level (fields, not a record: Jackson then reports a bad key at its line). */
  static final class Document {
    public Map<String, Entry> remotes;
  }

  /** One remote as written in the file. */
  static final class Entry {
    public String context;
    public String kubeconfig;
    public String namespace;
    public String target;
    public String pool;
    public Map<String, String> env;
  }

  /** The default path: PLEXUS_CONFIG, else ~/.config/plexus/config.yaml. */
  public static Path defaultPath(Map<String, String> env, String home) {
    String override = env.get("PLEXUS_CONFIG");
    return override != null && !override.isBlank()
        ? Path.of(override)
        : Path.of(home, ".config", "plexus", "config.yaml");
  }

  /** Reads the file; a missing default file means no remotes, a missing named one is an error. */
  public static RemotesConfig load(Path file, boolean named) {
    if (!Files.exists(file)) {
      if (named) {
        throw new CliException("remotes file " + file + " does not exist", 2);
      }
      return new RemotesConfig(Map.of());
    }
    try {
      return parse(Files.readString(file), file.toString());
    } catch (IOException e) {
      throw new CliException("cannot read remotes file " + file + ": " + e.getMessage(), 2);
    }
  }

  /** Parses a YAML document given inline (errors name it "remotes file"). */
  public static RemotesConfig parse(String yaml) {
    return parse(yaml, "remotes file");
  }

  /**
   * Parses the YAML document strictly: an unknown field or a value of the wrong type is an error
   * (exit 2) naming {@code source}, the line and what is wrong.
   */
  public static RemotesConfig parse(String yaml, String source) {
    Document doc = null;
    if (!yaml.isBlank()) {
      JsonParser parser = null;
      try {
        parser = YAML.createParser(yaml);
        doc = YAML.readValue(parser, Document.class);
      } catch (JsonProcessingException e) {
        // Described before the parser closes: its position is the offending token's.
        throw new CliException(ConfigError.describe(source, yaml, e), 2);
      } catch (IOException e) {
        throw new CliException(source + ": " + e.getMessage(), 2);
      } finally {
        closeQuietly(parser);
      }
    }
    Map<String, Remote> remotes = new LinkedHashMap<>();
    if (doc != null && doc.remotes != null) {
      doc.remotes.forEach((name, entry) -> remotes.put(name, remote(name, entry)));
    }
    return new RemotesConfig(remotes);
  }

  private static void closeQuietly(JsonParser parser) {
    try {
      if (parser != null) {
        parser.close();
      }
    } catch (IOException ignored) {
      // a string source has nothing to release
    }
  }

  private static Remote remote(String name, Entry e) {
    if (e == null) {
      return new Remote(name, null, null, null, null, null, Map.of());
    }
    Map<String, String> env = new LinkedHashMap<>();
    if (e.env != null) {
      e.env.forEach((k, v) -> env.put(k, v == null ? "" : v));
    }
    return new Remote(
        name, e.kubeconfig, e.context, e.namespace, e.target, e.pool, Map.copyOf(env));
  }

  /** The remote named {@code name}; null name = the current kube context. */
  public Remote select(String name) {
    if (name == null) {
      return Remote.currentContext();
    }
    return Optional.ofNullable(remotes.get(name))
        .orElseThrow(
            () ->
                new CliException(
                    "unknown remote '"
                        + name
                        + "'; known remotes: "
                        + (remotes.isEmpty()
                            ? "(none configured)"
                            : String.join(", ", remotes.keySet())),
                    2));
  }
}
