package us.anth.plexus.api;

import static us.anth.plexus.api.StatusWriter.OPERATOR;
import static us.anth.plexus.api.StatusWriter.RUNNER;
import static us.anth.plexus.api.StatusWriter.SHARED;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which process writes each {@link PlexusTaskStatus} field: the contract that lets the operator and
 * the runner patch the same status concurrently without overwriting each other. Each writes its
 * fields (and the shared ones) as one JSON Patch {@code add} per field.
 */
public final class StatusOwnership {
  /**
   * Every status field by its JSON name, with its one owner. {@code errorMessage} is shared: the
   * runner writes it for failures it detects itself (exit codes 124, 126, 127, a command's error
   * event), the operator for the rest (timeouts, no pool, bad spec, Job failures, cancellation);
   * neither clears the other's.
   */
  public static final Map<String, StatusWriter> OWNERS = owners();

  private StatusOwnership() {}

  /** The fields {@code writer} patches: its own and the shared ones, in declaration order. */
  public static List<String> fieldsWrittenBy(StatusWriter writer) {
    return OWNERS.entrySet().stream()
        .filter(e -> e.getValue() == writer || e.getValue() == SHARED)
        .map(Map.Entry::getKey)
        .toList();
  }

  private static Map<String, StatusWriter> owners() {
    Map<String, StatusWriter> owners = new LinkedHashMap<>();
    for (String field :
        List.of(
            "phase",
            "dispatchStatus",
            "observedGeneration",
            "conditions",
            "jobName",
            "pool",
            "workerNodeId",
            "attempts",
            "startedAt",
            "completedAt",
            "cancelledBy",
            "cancelledAt",
            "risk",
            "approval",
            "history",
            "rollback",
            "dryRun")) {
      owners.put(field, OPERATOR);
    }
    for (String field :
        List.of(
            "stages",
            "currentStage",
            "progress",
            "estimatedCompletionAt",
            "exitCode",
            "errorMessage",
            "errorDetails",
            "stdoutTail",
            "stderrTail",
            "stdoutBytes",
            "stderrBytes",
            "output")) {
      owners.put(field, field.equals("errorMessage") ? SHARED : RUNNER);
    }
    return Collections.unmodifiableMap(owners);
  }
}
