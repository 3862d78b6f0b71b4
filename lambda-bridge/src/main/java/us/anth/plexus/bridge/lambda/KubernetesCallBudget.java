package us.anth.plexus.bridge.lambda;

import io.fabric8.kubernetes.client.Config;

/**
 * Bounds each Kubernetes call of the Lambda to about 30 s (two tries of a 5 s connect plus a 10 s
 * response), well inside the function's timeout: an API that hangs or keeps failing then ends the
 * delivery with a counted attempt (and ERROR on the last one) instead of a timed-out invocation
 * that leaves the record DISPATCHING. fabric8's defaults allow minutes (ten retries, 10 s each).
 */
final class KubernetesCallBudget {
  static final int CONNECT_TIMEOUT_MILLIS = 5_000;
  static final int REQUEST_TIMEOUT_MILLIS = 10_000;
  static final int RETRIES = 1;
  static final int RETRY_INTERVAL_MILLIS = 500;

  private KubernetesCallBudget() {}

  /** {@code config} with the bounds above; returns the same instance. */
  static Config apply(Config config) {
    config.setConnectionTimeout(CONNECT_TIMEOUT_MILLIS);
    config.setRequestTimeout(REQUEST_TIMEOUT_MILLIS);
    config.setRequestRetryBackoffLimit(RETRIES);
    config.setRequestRetryBackoffInterval(RETRY_INTERVAL_MILLIS);
    return config;
  }
}
