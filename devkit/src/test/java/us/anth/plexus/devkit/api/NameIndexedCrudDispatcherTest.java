package us.anth.plexus.devkit.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The name index answers creates, patches and deletes as fabric8's scan does: objects of the same
 * name in other namespaces or of other kinds are told apart, a duplicate create is refused, a
 * deleted object is gone and can be created again, and the index stays on throughout.
 */
class NameIndexedCrudDispatcherTest {
  private final NameIndexedCrudDispatcher dispatcher = new NameIndexedCrudDispatcher();
  private final KubernetesMockServer server =
      new KubernetesMockServer(
          new Context(), new MockWebServer(), new HashMap<>(), dispatcher, false);
  private final KubernetesClient client;

  NameIndexedCrudDispatcherTest() {
    server.init(InetAddress.getLoopbackAddress(), 0);
    client = server.createClient();
  }

  @AfterEach
  void stop() {
    client.close();
    server.destroy();
  }

  @Test
  void sameNamesInOtherNamespacesAndKindsStayApart() {
    create(configMap("ns1", "a", "one"));
    create(configMap("ns2", "a", "two"));
    client
        .secrets()
        .inNamespace("ns1")
        .resource(new SecretBuilder().withNewMetadata().withName("a").endMetadata().build())
        .create();

    assertThatThrownBy(() -> create(configMap("ns1", "a", "again")))
        .isInstanceOf(KubernetesClientException.class)
        .extracting(e -> ((KubernetesClientException) e).getCode())
        .isEqualTo(409);

    client.configMaps().inNamespace("ns2").withName("a").edit(cm -> withValue(cm, "patched"));
    assertThat(value("ns1")).isEqualTo("one");
    assertThat(value("ns2")).isEqualTo("patched");

    client.configMaps().inNamespace("ns1").withName("a").delete();
    assertThat(client.configMaps().inNamespace("ns1").withName("a").get()).isNull();
    assertThat(client.secrets().inNamespace("ns1").withName("a").get()).isNotNull();
    create(configMap("ns1", "a", "recreated"));
    assertThat(value("ns1")).isEqualTo("recreated");
    assertThat(dispatcher.indexed()).isTrue();
  }

  private void create(ConfigMap configMap) {
    client.configMaps().resource(configMap).create();
  }

  private String value(String namespace) {
    return client.configMaps().inNamespace(namespace).withName("a").get().getData().get("k");
  }

  private static ConfigMap withValue(ConfigMap configMap, String value) {
    configMap.setData(Map.of("k", value));
    return configMap;
  }

  private static ConfigMap configMap(String namespace, String name, String value) {
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withNamespace(namespace)
        .withName(name)
        .endMetadata()
        .withData(Map.of("k", value))
        .build();
  }
}
