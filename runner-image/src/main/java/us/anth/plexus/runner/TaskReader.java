package us.anth.plexus.runner;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.function.Consumer;
import us.anth.plexus.api.PlexusTask;

/**
 * Reads the runner's PlexusTask at start, waiting out an API server that is unreachable or
 * answering 5xx/429 for a while (restarting, overloaded) instead of failing the attempt at once: a
 * pod can start while its API server restarts. Other errors (403, 404) fail at once.
 */
final class TaskReader {
  /** How long a pod waits for its API server at start. */
  static final Duration PATIENCE = Duration.ofSeconds(60);

  private static final long PAUSE_MILLIS = 1_000;

  private TaskReader() {}

  /** The task, or null when it does not exist; throws when the API stays unreachable. */
  static PlexusTask read(
      KubernetesClient client, String namespace, String name, Consumer<String> log) {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    boolean told = false;
    while (true) {
      try {
        return client.resources(PlexusTask.class).inNamespace(namespace).withName(name).get();
      } catch (KubernetesClientException e) {
        if (!transientFailure(e) || System.nanoTime() > deadline) {
          throw e;
        }
        if (!told) {
          log.accept(
              "the Kubernetes API is not answering yet (code "
                  + e.getCode()
                  + "); retrying for up to "
                  + PATIENCE.toSeconds()
                  + " s");
          told = true;
        }
        pause();
      }
    }
  }

  /** No HTTP answer at all (code 0 or -1: refused, reset, timed out), 429 or 5xx. */
  static boolean transientFailure(KubernetesClientException e) {
    int code = e.getCode();
    return code <= 0 || code == 429 || code >= 500;
  }

  private static void pause() {
    try {
      Thread.sleep(PAUSE_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KubernetesClientException("interrupted while waiting for the Kubernetes API", e);
    }
  }
}
