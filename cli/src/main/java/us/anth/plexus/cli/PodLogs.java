package us.anth.plexus.cli;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Comparator;
import java.util.Optional;
import us.anth.plexus.api.PlexusLabels;
import us.anth.plexus.api.PlexusTask;

/** Reads the log of a task's newest pod, and remembers how much was already shown (for -f). */
public final class PodLogs {
  private final KubernetesClient client;
  private final PlexusTask task;
  private String pod;
  private int shown;

  public PodLogs(KubernetesClient client, PlexusTask task) {
    this.client = client;
    this.task = task;
  }

  /** The newest pod of the task, if any. */
  public Optional<String> newestPod() {
    return client
        .pods()
        .inNamespace(task.getMetadata().getNamespace())
        .withLabel(PlexusLabels.TASK_NAME, task.getMetadata().getName())
        .list()
        .getItems()
        .stream()
        .max(
            Comparator.comparing(
                p ->
                    p.getMetadata().getCreationTimestamp() == null
                        ? ""
                        : p.getMetadata().getCreationTimestamp()))
        .map(Pod::getMetadata)
        .map(m -> m.getName());
  }

  /** Log text not returned before (the whole log on the first call, or after a new attempt). */
  public String newText() {
    Optional<String> newest = newestPod();
    if (newest.isEmpty()) {
      return "";
    }
    if (!newest.get().equals(pod)) {
      pod = newest.get();
      shown = 0;
    }
    String log;
    try {
      log = client.pods().inNamespace(task.getMetadata().getNamespace()).withName(pod).getLog();
    } catch (KubernetesClientException e) {
      return "";
    }
    if (log == null || log.length() <= shown) {
      return "";
    }
    String fresh = log.substring(shown);
    shown = log.length();
    return fresh;
  }
}
