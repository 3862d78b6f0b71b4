package us.anth.plexus.cli;

import com.fasterxml.jackson.databind.JsonNode;
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
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** The default path: PLEXUS_CONFIG, else ~/.config/plexus/config.yaml. */
  public static Path defaultPath(Map<String, String> env, String home) {
    String override = env.get("PLEXUS_CONFIG");
    return override != null && !override.isBlank()
        ? Path.of(override)
        : Path.of(home, ".config", "plexus", "config.yaml");
  }

  /** Reads the file; a missing file means no remotes. */
  public static RemotesConfig load(Path file) {
    if (!Files.exists(file)) {
      return new RemotesConfig(Map.of());
    }
    try {
      return parse(Files.readString(file));
    } catch (IOException e) {
      throw new CliException("cannot read remotes file " + file + ": " + e.getMessage());
    }
  }

  /** Parses the YAML document. */
  public static RemotesConfig parse(String yaml) {
    JsonNode root;
    try {
      root = YAML.readTree(yaml);
    } catch (IOException e) {
      throw new CliException(
          "remotes file is not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
    }
    Map<String, Remote> remotes = new LinkedHashMap<>();
    if (root != null) {
      root.path("remotes")
          .fields()
          .forEachRemaining(e -> remotes.put(e.getKey(), remote(e.getKey(), e.getValue())));
    }
    return new RemotesConfig(remotes);
  }

  private static Remote remote(String name, JsonNode node) {
    Map<String, String> env = new LinkedHashMap<>();
    node.path("env").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
    return new Remote(
        name,
        text(node, "kubeconfig"),
        text(node, "context"),
        text(node, "namespace"),
        text(node, "target"),
        text(node, "pool"),
        Map.copyOf(env));
  }

  private static String text(JsonNode node, String field) {
    return node.hasNonNull(field) ? node.get(field).asText() : null;
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
                            : String.join(", ", remotes.keySet()))));
  }
}
