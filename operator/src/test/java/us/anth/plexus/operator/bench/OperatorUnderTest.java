package us.anth.plexus.operator.bench;

import io.fabric8.kubernetes.client.KubernetesClient;
import us.anth.plexus.operator.OperatorConfig;
import us.anth.plexus.operator.PlexusOperator;
import us.anth.plexus.operator.mirror.TaskRecordMirror;

/**
 * The real operator on a fresh {@link BenchApi}; the operator's client counts its requests, the
 * benchmark's own client ({@link #client()}) is not counted.
 */
final class OperatorUnderTest implements AutoCloseable {
  final BenchApi api;
  final RequestCounter counter = new RequestCounter();
  private final KubernetesClient operatorClient;
  private final PlexusOperator operator;

  OperatorUnderTest(String apiName) {
    api = BenchApi.start(apiName);
    operatorClient = counter.client(api.config());
    operator =
        PlexusOperator.create(operatorClient, OperatorConfig.defaults(), TaskRecordMirror.DISABLED);
    operator.start();
  }

  /** Task reconciles the operator has run so far. */
  long reconciles() {
    return (long) operator.metrics().reconciles();
  }

  /** Events the operator dropped (its recorder's queue was full). */
  long eventsDropped() {
    return (long) operator.metrics().eventsDropped();
  }

  KubernetesClient client() {
    return api.client();
  }

  /** Creates a random namespace and returns its name. */
  String newNamespace() {
    return api.newNamespace();
  }

  @Override
  public void close() {
    operator.stop();
    operatorClient.close();
    api.close();
  }
}
