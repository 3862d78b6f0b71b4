package us.anth.plexus.bridge;

import io.fabric8.kubernetes.client.KubernetesClientException;

/** Sorts Kubernetes API failures into "try again" and "will never work", and names them. */
final class KubernetesFailures {
  private KubernetesFailures() {}

  /** Server errors, throttling, timeouts and connection failures (code 0) are worth retrying. */
  static boolean isRetryable(KubernetesClientException e) {
    int code = e.getCode();
    return code == 0 || code >= 500 || code == 429 || code == 408 || code == 409;
  }

  /** One readable line: HTTP code and the API server's message. */
  static String describe(KubernetesClientException e) {
    String message =
        e.getStatus() != null && e.getStatus().getMessage() != null
            ? e.getStatus().getMessage()
            : e.getMessage();
    String line =
        message == null ? e.getClass().getSimpleName() : message.lines().findFirst().orElse("");
    return e.getCode() == 0 ? line : "HTTP " + e.getCode() + ": " + line;
  }
}
