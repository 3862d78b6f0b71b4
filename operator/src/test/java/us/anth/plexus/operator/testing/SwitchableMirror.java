package us.anth.plexus.operator.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.api.PlexusTaskStatus;
import us.anth.plexus.operator.mirror.TaskRecordMirror;

/** A hand-written TaskRecordMirror whose answer the test sets; records the phases it saw. */
public final class SwitchableMirror implements TaskRecordMirror {
  private volatile MirrorResult answer = MirrorResult.ok();
  private final List<String> seen = new CopyOnWriteArrayList<>();

  public void answer(MirrorResult result) {
    answer = result;
  }

  /** "task-name:Phase" for every call. */
  public List<String> seen() {
    return seen;
  }

  @Override
  public MirrorResult mirror(PlexusTask task, PlexusTaskStatus operatorStatus) {
    seen.add(task.getMetadata().getName() + ":" + operatorStatus.getPhase());
    return answer;
  }
}
