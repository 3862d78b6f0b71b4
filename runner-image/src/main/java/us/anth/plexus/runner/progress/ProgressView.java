package us.anth.plexus.runner.progress;

import java.time.Instant;
import java.util.List;
import us.anth.plexus.api.StageState;

/** What {@link ProgressTracker} knows at one moment. */
public record ProgressView(
    StageState status,
    String currentStage,
    String progress,
    Instant estimatedCompletionAt,
    List<StageSnapshot> stages,
    String reportedError,
    String output) {}
