package us.anth.plexus.runner.progress;

/** Told when the task's state changed; critical for stage transitions, failure and completion. */
@FunctionalInterface
public interface ChangeListener {
  void changed(boolean critical);
}
