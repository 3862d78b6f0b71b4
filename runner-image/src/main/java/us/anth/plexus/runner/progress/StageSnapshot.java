package us.anth.plexus.runner.progress;

import java.time.Instant;
import us.anth.plexus.api.StageState;

/** Immutable view of one stage at one moment (mirrors a TaskStage record). */
public record StageSnapshot(
    String name,
    int order,
    StageState status,
    String statusMessage,
    Long processedItems,
    Long totalItems,
    Instant startedAt,
    Instant completedAt,
    Instant estimatedCompletionAt,
    Double itemsPerSecond) {}
