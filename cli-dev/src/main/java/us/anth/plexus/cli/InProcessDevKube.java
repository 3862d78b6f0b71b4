package us.anth.plexus.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import us.anth.plexus.devkit.EmbeddedKubeApi;
import us.anth.plexus.devkit.executor.ExecutorOptions;
import us.anth.plexus.devkit.executor.LocalJobExecutor;

/** The default dev cluster: fabric8's in-process API and the local job executor (one minute). */
final class InProcessDevKube implements DevKube {
  private final EmbeddedKubeApi api;
  private final LocalJobExecutor executor;

  private InProcessDevKube(EmbeddedKubeApi api, LocalJobExecutor executor) {
    this.api = api;
    this.executor = executor;
  }

  /** The API on {@code port} (0: a free one) and the executor running Jobs with {@code options}. */
  static InProcessDevKube start(int port, ExecutorOptions options) {
    EmbeddedKubeApi api = EmbeddedKubeApi.start(port);
    try {
      return new InProcessDevKube(
          api, new LocalJobExecutor(api.client(), api.podLogs(), options).start());
    } catch (RuntimeException e) {
      api.close();
      throw e;
    }
  }

  @Override
  public KubernetesClient client() {
    return api.client();
  }

  @Override
  public String url() {
    return api.url();
  }

  @Override
  public void writeKubeconfig(Path file, String ns) {
    try {
      api.writeKubeconfig(file, ns);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Map<String, Long> runningPids() {
    return executor.runningPids();
  }

  @Override
  public void close() {
    executor.close();
    api.close();
  }
}
