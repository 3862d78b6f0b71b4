package us.anth.plexus.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The remotes file {@code plexusctl dev} writes ({@code <devDir>/config.yaml}, remote {@code dev})
 * so client commands reach the dev stack: {@code plexusctl --config .dev/config.yaml --remote dev
 * list}.
 */
public final class DevRemote {
  public static final String NAME = "dev";

  /** Namespace of the dev stack's tasks. */
  public static final String NAMESPACE = "default";

  private DevRemote() {}

  /** The YAML document. Pure. */
  public static String render(Path kubeconfig, String namespace, Map<String, String> env) {
    Map<String, Object> remote = new LinkedHashMap<>();
    remote.put("kubeconfig", kubeconfig.toAbsolutePath().toString());
    remote.put("context", "plexus-dev");
    remote.put("namespace", namespace);
    remote.put("target", "dev/local");
    remote.put("env", env);
    try {
      return new ObjectMapper(new YAMLFactory())
          .writeValueAsString(Map.of("remotes", Map.of(NAME, remote)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the document to {@code file}. */
  public static Path write(Path file, Path kubeconfig, String namespace, Map<String, String> env) {
    try {
      Files.writeString(file, render(kubeconfig, namespace, env));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
