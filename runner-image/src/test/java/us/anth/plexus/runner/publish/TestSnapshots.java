package us.anth.plexus.runner.publish;

import java.time.Instant;
import java.util.List;
import us.anth.plexus.api.StageState;

/** Snapshots for publisher and sink tests. */
final class TestSnapshots {
  private TestSnapshots() {}

  /** Only the task, sequence and status: no stages, no progress, empty tails. */
  static TaskSnapshot bare(TaskRef task, long sequence, StageState status) {
    return new TaskSnapshot(
        task,
        sequence,
        Instant.now(),
        status,
        null,
        null,
        null,
        List.of(),
        null,
        null,
        null,
        "",
        "",
        0,
        0,
        null,
        null);
  }
}
