package us.anth.plexus.devkit.executor;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import us.anth.plexus.api.job.TerminationMessage;

/**
 * The local process that stands in for a Job's {@code runner} container: {@code java -cp <cp>
 * RunnerMain <args>} with the container's env resolved (literal values; the fieldRefs {@code
 * metadata.name} and {@code spec.nodeName}; secretKeyRefs through a lookup, a missing entry left
 * out) over the executor's own {@link ExecutorOptions#env()}, plus {@code KUBECONFIG}, without the
 * termination-message path unless {@link #withTerminationMessageFile} sets one. Pure: built from
 * the container, options and the lookup only.
 */
public record ProcessSpec(List<String> command, Map<String, String> env) {

  /** Builds the process for {@code container} running as pod {@code podName}; no Secrets. */
  public static ProcessSpec forContainer(
      Container container, String podName, ExecutorOptions options) {
    return forContainer(container, podName, options, (secret, key) -> Optional.empty());
  }

  /**
   * Builds the process for {@code container} running as pod {@code podName}; {@code secrets}
   * answers a secretKeyRef (Secret name, key) in the pod's namespace.
   */
  public static ProcessSpec forContainer(
      Container container,
      String podName,
      ExecutorOptions options,
      BiFunction<String, String, Optional<String>> secrets) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command =
        new ArrayList<>(List.of(java, "-cp", options.classpath(), options.mainClass()));
    command.addAll(Optional.ofNullable(container.getArgs()).orElse(List.of()));
    Map<String, String> env = new LinkedHashMap<>(options.env());
    for (EnvVar var : Optional.ofNullable(container.getEnv()).orElse(List.of())) {
      // The container's termination-message file is the node's to place (see
      // withTerminationMessageFile); a local process must never write the host's /dev.
      if (!TerminationMessage.ENV_PATH.equals(var.getName())) {
        resolve(var, podName, options.nodeName(), secrets)
            .ifPresent(value -> env.put(var.getName(), value));
      }
    }
    if (options.kubeconfig() != null) {
      env.put("KUBECONFIG", options.kubeconfig().toAbsolutePath().toString());
    }
    return new ProcessSpec(List.copyOf(command), Map.copyOf(env));
  }

  /**
   * The same process writing its termination message (the runner's final state) to {@code file}.
   */
  public ProcessSpec withTerminationMessageFile(Path file) {
    Map<String, String> withFile = new LinkedHashMap<>(env);
    withFile.put(TerminationMessage.ENV_PATH, file.toAbsolutePath().toString());
    return new ProcessSpec(command, Map.copyOf(withFile));
  }

  private static Optional<String> resolve(
      EnvVar var,
      String podName,
      String nodeName,
      BiFunction<String, String, Optional<String>> secrets) {
    if (var.getValueFrom() == null) {
      return Optional.of(Optional.ofNullable(var.getValue()).orElse(""));
    }
    var secretRef = var.getValueFrom().getSecretKeyRef();
    if (secretRef != null) {
      return secrets.apply(secretRef.getName(), secretRef.getKey());
    }
    if (var.getValueFrom().getFieldRef() == null) {
      return Optional.empty();
    }
    return switch (var.getValueFrom().getFieldRef().getFieldPath()) {
      case "metadata.name" -> Optional.of(podName);
      case "spec.nodeName" -> Optional.of(nodeName);
      default -> Optional.empty();
    };
  }
}
