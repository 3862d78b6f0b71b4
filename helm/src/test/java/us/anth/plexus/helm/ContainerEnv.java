package us.anth.plexus.helm;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import java.util.LinkedHashMap;
import java.util.Map;

/** A rendered container's environment as the kubelet would resolve it for a pod in a namespace. */
final class ContainerEnv {
  private ContainerEnv() {}

  /** Literal values, plus {@code fieldRef: metadata.namespace} resolved to {@code namespace}. */
  static Map<String, String> resolve(Container container, String namespace) {
    Map<String, String> env = new LinkedHashMap<>();
    for (EnvVar variable : container.getEnv()) {
      if (variable.getValueFrom() == null) {
        env.put(variable.getName(), variable.getValue() == null ? "" : variable.getValue());
      } else if (isNamespaceFieldRef(variable)) {
        env.put(variable.getName(), namespace);
      } else {
        throw new IllegalArgumentException(
            "env " + variable.getName() + " has a source the test cannot resolve");
      }
    }
    return env;
  }

  private static boolean isNamespaceFieldRef(EnvVar variable) {
    return variable.getValueFrom().getFieldRef() != null
        && "metadata.namespace".equals(variable.getValueFrom().getFieldRef().getFieldPath());
  }
}
