package us.anth.plexus.devkit.node;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.authentication.TokenRequest;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Optional;

/**
 * Service-account tokens for pods from the TokenRequest API, bound to the pod (invalid once it is
 * deleted), as the kubelet's projected token volume gets them.
 */
final class PodTokens {
  static final long EXPIRATION_SECONDS = 3600;

  private final KubernetesClient client;

  PodTokens(KubernetesClient client) {
    this.client = client;
  }

  /** A token for the pod's service account ({@code default} when it names none). */
  String tokenFor(Pod pod) {
    String account =
        Optional.ofNullable(pod.getSpec().getServiceAccountName())
            .filter(name -> !name.isBlank())
            .orElse("default");
    TokenRequest request =
        new TokenRequestBuilder()
            .withNewSpec()
            .withExpirationSeconds(EXPIRATION_SECONDS)
            .withNewBoundObjectRef()
            .withApiVersion("v1")
            .withKind("Pod")
            .withName(pod.getMetadata().getName())
            .withUid(pod.getMetadata().getUid())
            .endBoundObjectRef()
            .endSpec()
            .build();
    TokenRequest answer =
        client
            .serviceAccounts()
            .inNamespace(pod.getMetadata().getNamespace())
            .withName(account)
            .tokenRequest(request);
    return answer.getStatus().getToken();
  }
}
