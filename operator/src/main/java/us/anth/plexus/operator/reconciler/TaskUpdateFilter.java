package us.anth.plexus.operator.reconciler;

import java.util.Objects;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.api.PlexusTaskStatus;

/**
 * Which task updates start a reconcile (the controller runs with generation awareness off and this
 * filter instead): what a generation-aware controller reacts to — a spec change, a finalizer added,
 * a deletion begun — plus the runner's final report (exit code, error details), which the operator
 * folds into the task record even after the task's phase is final. Other status writes (progress,
 * stages, the operator's own fields) do not.
 */
public final class TaskUpdateFilter {
  private TaskUpdateFilter() {}

  /** Whether the update from {@code previous} to {@code updated} needs a reconcile. */
  public static boolean accept(PlexusTask updated, PlexusTask previous) {
    return generationIncreased(updated, previous)
        || !Objects.equals(
            updated.getMetadata().getFinalizers(), previous.getMetadata().getFinalizers())
        || (updated.isMarkedForDeletion() && !previous.isMarkedForDeletion())
        || runnerReportChanged(updated.getStatus(), previous.getStatus());
  }

  private static boolean generationIncreased(PlexusTask updated, PlexusTask previous) {
    Long before = previous.getMetadata().getGeneration();
    Long after = updated.getMetadata().getGeneration();
    return before == null || after == null || before < after;
  }

  private static boolean runnerReportChanged(PlexusTaskStatus updated, PlexusTaskStatus previous) {
    PlexusTaskStatus now = updated == null ? new PlexusTaskStatus() : updated;
    PlexusTaskStatus was = previous == null ? new PlexusTaskStatus() : previous;
    return !Objects.equals(now.getExitCode(), was.getExitCode())
        || !Objects.equals(now.getErrorDetails(), was.getErrorDetails());
  }
}
