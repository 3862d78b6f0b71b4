package us.anth.plexus.cli;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Loggable;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.Consumer;
import us.anth.plexus.api.PlexusLabels;
import us.anth.plexus.api.PlexusTask;

/**
 * Reads the log of a task's newest pod a piece at a time: each {@link #poll} asks only for the
 * lines since the last one shown and hands them on one by one, so neither the whole log nor a
 * growing copy of it is held. A new attempt's pod starts from its beginning.
 */
public final class PodLogFollower {
  private final KubernetesClient client;
  private final PlexusTask task;
  private String pod;
  private LogCursor cursor = new LogCursor();

  public PodLogFollower(KubernetesClient client, PlexusTask task) {
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
        .max(Comparator.comparing(p -> Optional.ofNullable(created(p)).orElse("")))
        .map(p -> p.getMetadata().getName());
  }

  /** Hands each log line not handed on before (without its newline) to {@code sink}. */
  public void poll(Consumer<String> sink) {
    Optional<String> newest = newestPod();
    if (newest.isEmpty()) {
      return;
    }
    if (!newest.get().equals(pod)) {
      pod = newest.get();
      cursor = new LogCursor();
    }
    var log =
        client
            .pods()
            .inNamespace(task.getMetadata().getNamespace())
            .withName(pod)
            .usingTimestamps();
    cursor.startRead();
    Loggable since = cursor.sinceTime().<Loggable>map(log::sinceTime).orElse(log);
    try (BufferedReader lines = new BufferedReader(since.getLogReader())) {
      String line;
      while ((line = lines.readLine()) != null) {
        cursor.accept(line).ifPresent(sink);
      }
    } catch (KubernetesClientException | IOException e) {
      // The pod has no log yet, or it went away: the next poll tries again.
    }
  }

  private static String created(Pod pod) {
    return pod.getMetadata().getCreationTimestamp();
  }
}
