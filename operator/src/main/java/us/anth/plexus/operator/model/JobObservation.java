package us.anth.plexus.operator.model;

import us.anth.plexus.api.TaskPhase;

/**
 * What a task's Job and pods say about it: the phase, the Ready reason and message, the attempt
 * fields of the status, and, for a Job whose pod does not start, the start problem (else null).
 * Times are ISO-8601 strings, null when unknown.
 */
public record JobObservation(
    TaskPhase phase,
    String reason,
    String message,
    String workerNodeId,
    int attempts,
    String startedAt,
    String completedAt,
    PodStartProblem startProblem) {}
