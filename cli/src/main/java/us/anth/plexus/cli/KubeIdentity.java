package us.anth.plexus.cli;

import io.fabric8.kubernetes.api.model.authentication.SelfSubjectReview;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Optional;

/**
 * Who the API server says the kubeconfig's credentials are: a SelfSubjectReview
 * (authentication.k8s.io/v1), the same username admission sees as {@code request.userInfo}.
 */
final class KubeIdentity {
  private KubeIdentity() {}

  /** The authenticated username, or empty when the API server does not answer with one. */
  static Optional<String> username(KubernetesClient client) {
    try {
      SelfSubjectReview review = client.resource(new SelfSubjectReview()).create();
      return Optional.ofNullable(review)
          .map(SelfSubjectReview::getStatus)
          .map(s -> s.getUserInfo())
          .map(u -> u.getUsername())
          .filter(name -> !name.isBlank());
    } catch (KubernetesClientException | IllegalArgumentException e) {
      // an API server without the review (e.g. the dev stack's mock) names nobody
      return Optional.empty();
    }
  }

  /** The authenticated username; a one-line CliException when it cannot be had. */
  static String require(KubernetesClient client) {
    return username(client)
        .orElseThrow(
            () ->
                new CliException(
                    "cannot learn your Kubernetes username: the API server answered no"
                        + " SelfSubjectReview (authentication.k8s.io/v1); approvals are recorded"
                        + " as the authenticated user only"));
  }
}
