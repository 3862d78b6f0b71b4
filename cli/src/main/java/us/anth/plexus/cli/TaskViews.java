package us.anth.plexus.cli;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.api.PlexusTaskStatus;
import us.anth.plexus.api.StageStatus;

/** Human-readable views of tasks: the {@code list} table and the {@code status} detail. Pure. */
public final class TaskViews {
  public static final List<String> LIST_HEADER =
      List.of("NAME", "TASK ID", "ACCOUNT", "TYPE", "TARGET", "PHASE", "RISK", "STAGE", "PROGRESS");

  private TaskViews() {}

  /** Extra columns of {@code -o wide}. */
  public static final List<String> WIDE_HEADER = List.of("POOL", "JOB", "REASON", "AGE");

  public static String list(List<PlexusTask> tasks) {
    return list(tasks, false, false, Instant.now());
  }

  /**
   * The list table; {@code allNamespaces} puts a NAMESPACE column first (as kubectl's -A), {@code
   * wide} adds the pool, Job, Ready reason and age.
   */
  public static String list(
      List<PlexusTask> tasks, boolean allNamespaces, boolean wide, Instant now) {
    List<String> header = new ArrayList<>();
    if (allNamespaces) {
      header.add("NAMESPACE");
    }
    header.addAll(LIST_HEADER);
    if (wide) {
      header.addAll(WIDE_HEADER);
    }
    List<List<String>> rows = new ArrayList<>();
    for (PlexusTask t : tasks) {
      PlexusTaskStatus s = status(t);
      List<String> row = new ArrayList<>();
      if (allNamespaces) {
        row.add(t.getMetadata().getNamespace());
      }
      row.addAll(
          List.of(
              t.getMetadata().getName(),
              nz(t.getSpec().getTaskId()),
              nz(t.getSpec().getAccountId()),
              nz(t.getSpec().getType()),
              nz(t.getSpec().getTarget()),
              phase(t),
              s.getRisk() == null ? "" : s.getRisk().name(),
              nz(s.getCurrentStage()),
              nz(s.getProgress())));
      if (wide) {
        row.addAll(
            List.of(
                nz(s.getPool()),
                nz(s.getJobName()),
                readyReason(t),
                Age.of(t.getMetadata().getCreationTimestamp(), now)));
      }
      rows.add(row);
    }
    return TextTable.render(header, rows);
  }

  /** The reason of the task's Ready condition, empty when it has none. */
  static String readyReason(PlexusTask t) {
    return ready(t).map(c -> nz(c.getReason())).orElse("");
  }

  /** The Ready condition as describe shows it: {@code False PoolNotFound: message}; else empty. */
  static String readyLine(PlexusTask t) {
    return ready(t)
        .map(
            c ->
                nz(c.getStatus())
                    + " "
                    + nz(c.getReason())
                    + (c.getMessage() == null || c.getMessage().isBlank()
                        ? ""
                        : ": " + c.getMessage()))
        .orElse("");
  }

  private static Optional<io.fabric8.kubernetes.api.model.Condition> ready(PlexusTask t) {
    return Optional.ofNullable(status(t).getConditions()).orElse(List.of()).stream()
        .filter(c -> "Ready".equals(c.getType()))
        .findFirst();
  }

  /** An ISO-8601 time to whole seconds, so every time shown has the same precision. */
  static String seconds(String time) {
    if (time == null) {
      return null;
    }
    try {
      return Instant.parse(time).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    } catch (java.time.format.DateTimeParseException e) {
      return time;
    }
  }

  public static String detail(PlexusTask t) {
    PlexusTaskStatus s = status(t);
    StringBuilder out = new StringBuilder();
    line(out, "Name", t.getMetadata().getNamespace() + "/" + t.getMetadata().getName());
    line(out, "Task ID", t.getSpec().getTaskId());
    line(out, "Account", t.getSpec().getAccountId());
    line(out, "Type", t.getSpec().getType());
    line(out, "Target", t.getSpec().getTarget());
    line(out, "Command", t.getSpec().getCommand());
    line(out, "Phase", phase(t));
    line(out, "Ready", readyLine(t));
    line(out, "Risk", s.getRisk() == null ? null : s.getRisk().name());
    line(out, "Approval", ApprovalView.line(t));
    line(out, "Pool", s.getPool());
    line(out, "Job", s.getJobName());
    line(out, "Worker", s.getWorkerNodeId());
    line(out, "Started", seconds(s.getStartedAt()));
    line(out, "Completed", seconds(s.getCompletedAt()));
    line(out, "Exit code", s.getExitCode() == null ? null : s.getExitCode().toString());
    line(out, "Error", s.getErrorMessage());
    line(out, "Output", s.getOutput());
    List<StageStatus> stages = Optional.ofNullable(s.getStages()).orElse(List.of());
    if (!stages.isEmpty()) {
      out.append("Stages:\n");
      List<List<String>> rows = new ArrayList<>();
      for (StageStatus st : stages) {
        rows.add(
            List.of(
                "  " + nz(st.getName()),
                st.getStatus() == null ? "" : st.getStatus().name(),
                items(st),
                nz(st.getStatusMessage())));
      }
      out.append(TextTable.render(List.of("  STAGE", "STATUS", "ITEMS", "MESSAGE"), rows));
    }
    if (s.getStderrTail() != null && !s.getStderrTail().isBlank()) {
      out.append("Stderr (tail):\n").append(s.getStderrTail().stripTrailing()).append('\n');
    }
    return out.toString();
  }

  /** The task's phase name, {@code Pending} before the operator wrote one. */
  public static String phase(PlexusTask t) {
    return Optional.ofNullable(t.getStatus())
        .map(PlexusTaskStatus::getPhase)
        .map(Enum::name)
        .orElse("Pending");
  }

  private static String items(StageStatus st) {
    if (st.getTotalItems() == null) {
      return st.getProcessedItems() == null ? "" : st.getProcessedItems().toString();
    }
    return Optional.ofNullable(st.getProcessedItems()).orElse(0L) + "/" + st.getTotalItems();
  }

  private static PlexusTaskStatus status(PlexusTask t) {
    return Optional.ofNullable(t.getStatus()).orElseGet(PlexusTaskStatus::new);
  }

  private static void line(StringBuilder out, String label, String value) {
    if (value != null && !value.isBlank()) {
      out.append(String.format("%-11s %s%n", label + ":", value));
    }
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
