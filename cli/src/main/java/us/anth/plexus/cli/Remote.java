package us.anth.plexus.cli;

import java.util.Map;

/**
 * A named cluster from the remotes file: kube context (and optionally the kubeconfig file that
 * holds it), namespace, default target and pool, and environment (e.g. the PLEXUS_DYNAMODB_*
 * settings) for the commands run against it.
 */
public record Remote(
    String name,
    String kubeconfig,
    String context,
    String namespace,
    String target,
    String pool,
    Map<String, String> env) {

  /** The remote used without {@code --remote}: the current kube context, nothing else. */
  public static Remote currentContext() {
    return new Remote("(current context)", null, null, null, null, null, Map.of());
  }
}
