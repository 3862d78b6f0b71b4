package us.anth.plexus.runner.publish;

import java.util.function.Consumer;
import us.anth.plexus.runner.progress.ProgressEvent;

/**
 * A place task state is written to (the PlexusTask status, DynamoDB, ...). Each sink sits behind
 * its own {@link CoalescingPublisher}, which calls {@link #publish} from one thread at a time, with
 * the latest snapshot only, at most once per second for plain progress and at once for critical
 * transitions; a thrown exception makes it retry later with backoff, except {@link
 * TargetGoneException}, which ends the writes to this sink.
 */
public interface ProgressSink {
  /** Short name for log lines, e.g. {@code kubernetes}. */
  String name();

  /**
   * Writes the snapshot; throw to have the (then latest) state retried with backoff, or {@link
   * TargetGoneException} when the target is gone for good.
   */
  void publish(TaskSnapshot snapshot) throws Exception;

  /**
   * The command reports its own progress through the Plexus API (it owns its stages and status): a
   * sink that writes the records stops writing stages and reads the command's back into {@code
   * events} instead, until the returned handle is run (after the command exited: one last read).
   * Others ignore this.
   */
  default Runnable followCommandProgress(String taskId, Consumer<ProgressEvent> events) {
    return () -> {};
  }
}
