package us.anth.plexus.operator.model;

import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import us.anth.plexus.api.audit.AuditEntry;
import us.anth.plexus.api.audit.AuditKind;
import us.anth.plexus.api.job.JobContract;

/**
 * The audit entries a Job's pods prove, one pod per attempt in creation order: Started (attempt 1)
 * or Retried (later attempts) once the pod ran, AttemptEnded with the runner container's exit code
 * once it terminated. Times are the pod's own; pure.
 */
public final class AttemptEntries {
  /** {@code by} of what the Job controller did (start pods, retry). */
  public static final String JOB_CONTROLLER = "job-controller";

  private AttemptEntries() {}

  /** The entries for {@code pods}; {@code now} stands in for a time a pod does not report. */
  public static List<AuditEntry> of(List<Pod> pods, Instant now) {
    List<Pod> ordered =
        pods.stream()
            .sorted(
                Comparator.comparing((Pod p) -> orEmpty(p.getMetadata().getCreationTimestamp()))
                    .thenComparing(
                        p -> p.getStatus() == null ? "" : orEmpty(p.getStatus().getStartTime())))
            .toList();
    List<AuditEntry> entries = new ArrayList<>();
    for (int i = 0; i < ordered.size(); i++) {
      Pod pod = ordered.get(i);
      int attempt = i + 1;
      Optional<ContainerStateTerminated> ended = terminated(pod);
      if (ended.isEmpty() && !"Running".equals(phase(pod))) {
        continue;
      }
      Instant started = instant(pod.getStatus().getStartTime(), now);
      String podName = pod.getMetadata().getName();
      entries.add(
          attempt == 1
              ? AuditEntry.of(
                      AuditKind.STARTED, JOB_CONTROLLER, "attempt 1 on pod " + podName, started)
                  .attempt(1)
              : AuditEntry.of(
                      AuditKind.RETRIED,
                      JOB_CONTROLLER,
                      "attempt " + attempt + " on pod " + podName,
                      started)
                  .attempt(attempt));
      ended.ifPresent(
          t ->
              entries.add(
                  AuditEntry.of(
                          AuditKind.ATTEMPT_ENDED,
                          JOB_CONTROLLER,
                          "attempt " + attempt + " exited " + t.getExitCode() + reason(t),
                          instant(t.getFinishedAt(), now))
                      .attempt(attempt)
                      .exitCode(t.getExitCode())));
    }
    return entries;
  }

  private static Optional<ContainerStateTerminated> terminated(Pod pod) {
    if (pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) {
      return Optional.empty();
    }
    return pod.getStatus().getContainerStatuses().stream()
        .filter(c -> JobContract.CONTAINER.equals(c.getName()))
        .map(ContainerStatus::getState)
        .filter(s -> s != null && s.getTerminated() != null)
        .map(s -> s.getTerminated())
        .findFirst();
  }

  private static String reason(ContainerStateTerminated t) {
    return t.getReason() == null || t.getReason().isBlank() ? "" : " (" + t.getReason() + ")";
  }

  private static String phase(Pod pod) {
    return pod.getStatus() == null ? null : pod.getStatus().getPhase();
  }

  private static Instant instant(String text, Instant fallback) {
    try {
      return text == null || text.isBlank() ? fallback : Instant.parse(text);
    } catch (DateTimeParseException e) {
      return fallback;
    }
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }
}
