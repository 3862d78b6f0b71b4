package us.anth.plexus.operator.model;

import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import us.anth.plexus.api.PlexusTaskStatus;
import us.anth.plexus.api.StageState;
import us.anth.plexus.api.StageStatus;
import us.anth.plexus.api.TaskPhase;
import us.anth.plexus.api.job.JobContract;
import us.anth.plexus.api.job.TerminationMessage;

/**
 * What the operator writes in place of a runner that can no longer write (killed, timed out,
 * cancelled, deleted, or its final write lost). First what the runner's termination message (its
 * final state, {@link TerminationMessage}) says and the status lacks: stages it ended, exit code,
 * error message, output. Then every stage still RUNNING or PENDING ends FAILED (COMPLETED when the
 * Job succeeded; the dashboard's schema has no CANCELLED stage status, the message says why), and
 * the exit code the pod reports when nothing else gave one. Pure.
 */
public final class StageEnding {
  /**
   * The runner-owned fields to write: all stages, the ones this ended, the exit code, and the error
   * message and output taken from the runner's termination message (null: unchanged).
   */
  public record Fill(
      List<StageStatus> stages,
      List<StageStatus> ended,
      Integer exitCode,
      String errorMessage,
      String output) {}

  private StageEnding() {}

  /** As {@link #of(PlexusTaskStatus, TaskPhase, Integer, PlexusTaskStatus, String)} without one. */
  public static Optional<Fill> of(
      PlexusTaskStatus current, TaskPhase phase, Integer podExitCode, String now) {
    return of(current, phase, podExitCode, null, now);
  }

  /**
   * The fill for a task that ended in {@code phase}, or empty when the runner left nothing open or
   * missing. {@code podExitCode} is the runner container's {@code terminated.exitCode}, {@code
   * runnerFinal} its termination message, if known.
   */
  public static Optional<Fill> of(
      PlexusTaskStatus current,
      TaskPhase phase,
      Integer podExitCode,
      PlexusTaskStatus runnerFinal,
      String now) {
    if (!phase.isFinal()) {
      return Optional.empty();
    }
    // A Job that succeeded ran its command to the end: stages its runner could not close (its
    // final write was lost) completed with it.
    StageState end = phase == TaskPhase.Succeeded ? StageState.COMPLETED : StageState.FAILED;
    List<StageStatus> stages = new ArrayList<>();
    List<StageStatus> ended = new ArrayList<>();
    List<StageStatus> before =
        withRunnerFinalStages(current == null ? null : current.getStages(), runnerFinal, ended);
    for (StageStatus stage : before) {
      if (stage.getStatus() == StageState.RUNNING || stage.getStatus() == StageState.PENDING) {
        StageStatus closed = copy(stage);
        closed.setStatus(end);
        closed.setStatusMessage(message(phase, stage.getStatus(), podExitCode));
        closed.setCompletedAt(now);
        closed.setEstimatedCompletionAt(null);
        stages.add(closed);
        ended.add(closed);
      } else {
        stages.add(stage);
      }
    }
    boolean hasExitCode = current != null && current.getExitCode() != null;
    Integer finalExitCode = runnerFinal == null ? null : runnerFinal.getExitCode();
    Integer exitCode = hasExitCode ? null : finalExitCode != null ? finalExitCode : podExitCode;
    String errorMessage =
        runnerFinal == null || current != null && current.getErrorMessage() != null
            ? null
            : runnerFinal.getErrorMessage();
    String output =
        runnerFinal == null || current != null && current.getOutput() != null
            ? null
            : runnerFinal.getOutput();
    if (ended.isEmpty() && exitCode == null && errorMessage == null && output == null) {
      return Optional.empty();
    }
    return Optional.of(
        new Fill(ended.isEmpty() ? null : stages, ended, exitCode, errorMessage, output));
  }

  /**
   * The status's stages with each one the runner's final state has ended (open or missing in the
   * status) replaced by the runner's version, added to {@code ended}.
   */
  private static List<StageStatus> withRunnerFinalStages(
      List<StageStatus> current, PlexusTaskStatus runnerFinal, List<StageStatus> ended) {
    List<StageStatus> stages = new ArrayList<>(current == null ? List.of() : current);
    if (runnerFinal == null || runnerFinal.getStages() == null) {
      return stages;
    }
    for (StageStatus last : runnerFinal.getStages()) {
      if (last.getName() == null || !isEnded(last.getStatus())) {
        continue;
      }
      int at = indexOf(stages, last.getName());
      if (at < 0) {
        stages.add(last);
        ended.add(last);
      } else if (!isEnded(stages.get(at).getStatus())) {
        stages.set(at, last);
        ended.add(last);
      }
    }
    stages.sort(
        Comparator.comparing(
            StageStatus::getOrder, Comparator.nullsLast(Comparator.naturalOrder())));
    return stages;
  }

  private static boolean isEnded(StageState state) {
    return state != null && state != StageState.RUNNING && state != StageState.PENDING;
  }

  private static int indexOf(List<StageStatus> stages, String name) {
    for (int i = 0; i < stages.size(); i++) {
      if (name.equals(stages.get(i).getName())) {
        return i;
      }
    }
    return -1;
  }

  /** The runner's final state from the newest terminated pod's termination message, if any. */
  public static Optional<PlexusTaskStatus> podRunnerFinal(List<Pod> pods) {
    return runnerTerminated(pods)
        .map(ContainerStateTerminated::getMessage)
        .flatMap(TerminationMessage::decode);
  }

  /** The runner container's exit code in the newest terminated pod, if any. */
  public static Optional<Integer> podExitCode(List<Pod> pods) {
    return runnerTerminated(pods).map(ContainerStateTerminated::getExitCode);
  }

  /** The runner container's terminated state (else last state) in the newest pod, if any. */
  private static Optional<ContainerStateTerminated> runnerTerminated(List<Pod> pods) {
    return pods.stream()
        .filter(p -> p.getStatus() != null && p.getStatus().getContainerStatuses() != null)
        .max(Comparator.comparing(p -> String.valueOf(p.getMetadata().getCreationTimestamp())))
        .flatMap(
            p ->
                p.getStatus().getContainerStatuses().stream()
                    .filter(c -> JobContract.CONTAINER.equals(c.getName()))
                    .map(StageEnding::terminated)
                    .flatMap(Optional::stream)
                    .findFirst());
  }

  /** Whether a pod of the task may still be running its runner (which then writes itself). */
  public static boolean runnerMayStillWrite(List<Pod> pods) {
    return pods.stream()
        .anyMatch(
            p ->
                p.getStatus() != null
                    && ("Running".equals(p.getStatus().getPhase())
                        || "Pending".equals(p.getStatus().getPhase()) && started(p)));
  }

  private static boolean started(Pod pod) {
    return pod.getStatus().getContainerStatuses() != null
        && pod.getStatus().getContainerStatuses().stream()
            .anyMatch(c -> c.getState() != null && c.getState().getRunning() != null);
  }

  private static Optional<ContainerStateTerminated> terminated(ContainerStatus container) {
    if (container.getState() != null && container.getState().getTerminated() != null) {
      return Optional.of(container.getState().getTerminated());
    }
    return Optional.ofNullable(container.getLastState()).map(ContainerState::getTerminated);
  }

  private static String message(TaskPhase phase, StageState was, Integer exitCode) {
    String how =
        switch (phase) {
          case Cancelled -> "Cancelled";
          case Succeeded -> "Completed";
          default -> "Failed";
        };
    String when = was == StageState.RUNNING ? "while running" : "before it started";
    return how
        + " "
        + when
        + ": the task ended "
        + phase
        + (exitCode == null ? "" : " (runner exit code " + exitCode + ")")
        + "; the runner did not end this stage";
  }

  private static StageStatus copy(StageStatus stage) {
    StageStatus copy = new StageStatus();
    copy.setName(stage.getName());
    copy.setOrder(stage.getOrder());
    copy.setStatus(stage.getStatus());
    copy.setStatusMessage(stage.getStatusMessage());
    copy.setProcessedItems(stage.getProcessedItems());
    copy.setTotalItems(stage.getTotalItems());
    copy.setStartedAt(stage.getStartedAt());
    copy.setCompletedAt(stage.getCompletedAt());
    copy.setEstimatedCompletionAt(stage.getEstimatedCompletionAt());
    copy.setItemsPerSecond(stage.getItemsPerSecond());
    return copy;
  }
}
