package us.anth.plexus.runner.progress;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import us.anth.plexus.api.StageDeclaration;
import us.anth.plexus.api.StageState;

/**
 * The task's stages in order and which one runs: lookup, adding undeclared stages after the others,
 * and the transitions between stages. Not thread-safe; {@link ProgressTracker} guards it.
 */
final class StageList {
  private final List<Stage> stages = new ArrayList<>();
  private Stage current;

  StageList(List<StageDeclaration> declared) {
    for (StageDeclaration d : declared == null ? List.<StageDeclaration>of() : declared) {
      add(d.getName(), d.getOrder(), d.getTotalItems());
    }
  }

  /** The running (or last run) stage; null before any started. */
  Stage current() {
    return current;
  }

  /** The named stage, or the current one when {@code name} is null; null when unknown. */
  Stage resolve(String name) {
    return name == null ? current : find(name);
  }

  /** Starts a stage (declared or new) from zero; the running stage, if another, completes. */
  void start(String name, Integer order, Long total, String message, Instant now) {
    Stage stage = find(name);
    if (stage == null) {
      stage = add(name, order, total);
    }
    if (current != null && current != stage && current.state == StageState.RUNNING) {
      current.complete(now);
    }
    stage.start(now);
    stage.processed = 0;
    stage.update(null, total, message);
    current = stage;
  }

  /** Completes every stage not completed yet (the task succeeded). */
  void completeAll(Instant now) {
    stages.stream().filter(s -> s.state != StageState.COMPLETED).forEach(s -> s.complete(now));
  }

  /** Fails the running stage, if any, with "Error: message". */
  void failCurrent(Instant now, String message) {
    if (current != null && current.state == StageState.RUNNING) {
      current.fail(now, message);
    }
  }

  /** The name of the first stage that has not started. */
  Optional<String> firstPending() {
    return stages.stream().filter(s -> s.state == StageState.PENDING).map(s -> s.name).findFirst();
  }

  List<StageSnapshot> snapshots(Instant now) {
    return stages.stream().map(s -> s.snapshot(now)).toList();
  }

  private Stage find(String name) {
    return stages.stream().filter(s -> s.name.equals(name)).findFirst().orElse(null);
  }

  private Stage add(String name, Integer order, Long total) {
    int position =
        order != null ? order : stages.stream().mapToInt(s -> s.order + 1).max().orElse(1);
    Stage stage = new Stage(name, position, total);
    stages.add(stage);
    stages.sort(Comparator.comparingInt(s -> s.order));
    return stage;
  }
}
