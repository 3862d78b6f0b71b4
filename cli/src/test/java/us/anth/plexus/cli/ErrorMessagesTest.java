package us.anth.plexus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

class ErrorMessagesTest {
  @Test
  void unreachableApiIsOneReadableLine() {
    var e =
        new KubernetesClientException(
            "Operation: [list] failed.",
            new IOException(new ConnectException("Connection refused")));
    assertThat(PlexusCtl.oneLine(e, "https://10.0.0.1:6443/", null))
        .isEqualTo(
            "cannot reach the Kubernetes API at https://10.0.0.1:6443/ (connection refused);"
                + " check that it is running and --remote, --context or KUBECONFIG");
  }

  @Test
  void otherErrorsKeepTheirFirstLine() {
    assertThat(PlexusCtl.oneLine(new CliException("task 'x' not found\nmore")))
        .isEqualTo("task 'x' not found");
    assertThat(PlexusCtl.oneLine(new IllegalStateException())).isEqualTo("IllegalStateException");
  }
}
