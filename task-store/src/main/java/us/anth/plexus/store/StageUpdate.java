package us.anth.plexus.store;

import java.time.Instant;

/**
 * One write of a TaskStage record, ordered per stage by {@code sequence} (see {@link
 * MonotonicSequence}). Null fields are left untouched; item counts are absent for setup stages.
 */
public record StageUpdate(
    String taskId,
    String name,
    int order,
    TaskStatus status,
    long sequence,
    String statusMessage,
    Instant startedAt,
    Instant completedAt,
    Instant estimatedCompletionAt,
    Long processedItems,
    Long totalItems) {

  /** A stage write with only the required fields. */
  public static StageUpdate of(
      String taskId, String name, int order, TaskStatus status, long sequence) {
    return new StageUpdate(
        taskId, name, order, status, sequence, null, null, null, null, null, null);
  }

  public StageUpdate statusMessage(String value) {
    return with(value, startedAt, completedAt, estimatedCompletionAt, processedItems, totalItems);
  }

  public StageUpdate times(Instant started, Instant completed, Instant eta) {
    return with(statusMessage, started, completed, eta, processedItems, totalItems);
  }

  public StageUpdate items(Long processed, Long total) {
    return with(statusMessage, startedAt, completedAt, estimatedCompletionAt, processed, total);
  }

  /** The same write with sequence {@code value}. */
  public StageUpdate numbered(long value) {
    return new StageUpdate(
        taskId,
        name,
        order,
        status,
        value,
        statusMessage,
        startedAt,
        completedAt,
        estimatedCompletionAt,
        processedItems,
        totalItems);
  }

  /** A copy with new reported fields; the stage's identity and sequence never change. */
  private StageUpdate with(
      String message, Instant started, Instant completed, Instant eta, Long processed, Long total) {
    return new StageUpdate(
        taskId, name, order, status, sequence, message, started, completed, eta, processed, total);
  }
}
