package us.anth.plexus.operator.mirror;

import java.util.List;
import java.util.stream.Collectors;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.api.PlexusTaskStatus;
import us.anth.plexus.api.StageDeclaration;
import us.anth.plexus.api.StageStatus;

/**
 * Sink {@code both}: mirrors to DynamoDB, then through AppSync; Synced only when both succeeded,
 * else the failures' messages joined.
 */
public final class CombinedTaskRecordMirror implements TaskRecordMirror {
  private final List<TaskRecordMirror> mirrors;

  public CombinedTaskRecordMirror(List<TaskRecordMirror> mirrors) {
    this.mirrors = List.copyOf(mirrors);
  }

  @Override
  public MirrorResult mirror(PlexusTask task, PlexusTaskStatus operatorStatus) {
    return joined(mirrors.stream().map(m -> m.mirror(task, operatorStatus)).toList());
  }

  @Override
  public MirrorResult declareStages(PlexusTask task, List<StageDeclaration> declared) {
    return joined(mirrors.stream().map(m -> m.declareStages(task, declared)).toList());
  }

  @Override
  public MirrorResult endStages(PlexusTask task, List<StageStatus> ended) {
    return joined(mirrors.stream().map(m -> m.endStages(task, ended)).toList());
  }

  private static MirrorResult joined(List<MirrorResult> results) {
    if (results.stream().noneMatch(MirrorResult::enabled)) {
      return MirrorResult.disabled();
    }
    String errors =
        results.stream()
            .filter(r -> r.enabled() && r.error() != null)
            .map(MirrorResult::error)
            .collect(Collectors.joining("; "));
    return errors.isEmpty() ? MirrorResult.ok() : MirrorResult.failed(errors);
  }

  /** Every mirror creates the record (each idempotently); the first one's id is returned. */
  @Override
  public String assignTaskId(PlexusTask task) {
    String id = null;
    for (TaskRecordMirror mirror : mirrors) {
      String assigned = mirror.assignTaskId(task);
      id = id == null ? assigned : id;
    }
    return id;
  }
}
