package us.anth.plexus.bridge;

import java.util.Optional;
import java.util.Set;

/**
 * The Plexus dispatcher's rules for which stream records to act on: an INSERT with dispatchStatus
 * PENDING, or a MODIFY that changes dispatchStatus to PENDING (without an OldImage: any MODIFY to
 * PENDING, the claim then decides); never a task whose {@code metadata.dispatch_mode} says another
 * worker runs it, checked first as Plexus does (dashboard/amplify/functions/taskDispatcher).
 */
public final class DispatchEligibility {
  /** Dispatch modes whose tasks are run by something other than the cluster. */
  public static final Set<String> SKIPPED_DISPATCH_MODES = Set.of("local", "console_async_worker");

  private static final String PENDING = "PENDING";

  private DispatchEligibility() {}

  /** Why the change is not to be dispatched, or empty when it is. */
  public static Optional<String> skipReason(TaskChange change) {
    TaskItem item = change.newItem();
    String mode = item.dispatchMode();
    if (mode != null && SKIPPED_DISPATCH_MODES.contains(mode)) {
      return Optional.of("metadata.dispatch_mode is " + mode);
    }
    switch (change.eventName() == null ? "" : change.eventName()) {
      case "INSERT" -> {
        if (!PENDING.equals(item.dispatchStatus())) {
          return Optional.of("inserted with dispatchStatus " + item.dispatchStatus());
        }
      }
      case "MODIFY" -> {
        if (!PENDING.equals(item.dispatchStatus())) {
          return Optional.of("dispatchStatus is " + item.dispatchStatus());
        }
        TaskItem old = change.oldItem();
        if (old != null && PENDING.equals(old.dispatchStatus())) {
          return Optional.of("dispatchStatus was already PENDING");
        }
      }
      default -> {
        return Optional.of("event " + change.eventName() + " is not dispatched");
      }
    }
    return Optional.empty();
  }
}
