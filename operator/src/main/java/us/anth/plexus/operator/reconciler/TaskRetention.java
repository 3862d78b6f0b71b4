package us.anth.plexus.operator.reconciler;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.api.TaskPhase;

/**
 * Deletes a finished task once its spec.ttlSecondsAfterFinished has passed; else looks again then.
 */
final class TaskRetention {
  private static final Logger LOG = LoggerFactory.getLogger(TaskRetention.class);

  private final KubernetesClient client;

  TaskRetention(KubernetesClient client) {
    this.client = client;
  }

  void apply(TaskRun run) {
    Integer ttl =
        run.task.getSpec() == null ? null : run.task.getSpec().getTtlSecondsAfterFinished();
    TaskPhase phase = run.draft.getPhase();
    if (ttl == null || phase == null || !phase.isFinal()) {
      return;
    }
    if (run.draft.getRollback() != null && !run.draft.getRollback().ended()) {
      return; // kept until its rollback ends (the rollback Job's end reconciles it again)
    }
    Instant completed = parseOr(run.draft.getCompletedAt(), run.now);
    Duration remaining = Duration.between(run.now, completed.plusSeconds(ttl));
    if (remaining.isNegative() || remaining.isZero()) {
      delete(run.task);
    } else {
      run.recheckAfter(remaining);
    }
  }

  private void delete(PlexusTask task) {
    LOG.info(
        "Deleting finished task {}/{}: ttlSecondsAfterFinished passed",
        task.getMetadata().getNamespace(),
        task.getMetadata().getName());
    client
        .resources(PlexusTask.class)
        .inNamespace(task.getMetadata().getNamespace())
        .withName(task.getMetadata().getName())
        .delete();
  }

  private static Instant parseOr(String text, Instant fallback) {
    try {
      return text == null ? fallback : Instant.parse(text);
    } catch (DateTimeParseException e) {
      return fallback;
    }
  }
}
