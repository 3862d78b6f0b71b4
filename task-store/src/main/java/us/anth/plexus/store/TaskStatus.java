package us.anth.plexus.store;

/**
 * The dashboard's Task/TaskStage {@code status}. The rank orders them; a record never moves to a
 * lower rank, and a final status (rank 2) is never replaced by another one.
 */
public enum TaskStatus {
  PENDING(0),
  RUNNING(1),
  COMPLETED(2),
  FAILED(2);

  private final int rank;

  TaskStatus(int rank) {
    this.rank = rank;
  }

  /** 0 for PENDING, 1 for RUNNING, 2 for COMPLETED and FAILED. */
  public int rank() {
    return rank;
  }

  /** Whether the status is final. */
  public boolean isFinal() {
    return rank == 2;
  }
}
