package us.anth.plexus.store;

import java.util.ArrayList;
import java.util.List;

/**
 * The dashboard's Task/TaskStage {@code status}. The rank orders them; a record never moves to a
 * lower rank, and a final status (rank 2) is never replaced by another one.
 */
public enum TaskStatus {
  PENDING(0),
  RUNNING(1),
  COMPLETED(2),
  FAILED(2);

  /** The dashboard's status for a task whose worker stopped reporting; ranked like RUNNING. */
  public static final String STALLED = "STALLED";

  private final int rank;

  TaskStatus(int rank) {
    this.rank = rank;
  }

  /** 0 for PENDING, 1 for RUNNING, 2 for COMPLETED and FAILED. */
  public int rank() {
    return rank;
  }

  /**
   * The stored statuses a write of this status may replace: every lower rank, itself (an idempotent
   * re-sync) and, from RUNNING on, the dashboard's {@code STALLED}; never another final status.
   */
  public List<String> replaces() {
    List<String> allowed = new ArrayList<>();
    for (TaskStatus status : values()) {
      if (status.rank < rank || status == this) {
        allowed.add(status.name());
      }
    }
    if (rank >= 1) {
      allowed.add(STALLED);
    }
    return allowed;
  }

  /** Whether the status is final. */
  public boolean isFinal() {
    return rank == 2;
  }
}
