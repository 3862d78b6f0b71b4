package us.anth.plexus.store;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The never-backwards rule for a Task's status, judged by the stored {@code status} itself: a write
 * is allowed to a later status (PENDING, then RUNNING or STALLED, then COMPLETED or FAILED), or to
 * the same status again (idempotent re-sync), never from one final status to another. Since the
 * stored value decides, writes made through the Plexus API (AppSync mutations by a command's own
 * tracker, which carry none of our bookkeeping attributes) are respected as they are. We still
 * write {@code plexusStatusRank} (0 PENDING, 1 RUNNING, 2 final) for readers that sort by it.
 */
final class StatusGuard {
  static final String RANK = "plexusStatusRank";

  private StatusGuard() {}

  /** Sets status and rank, guarded so that the record never moves backwards. */
  static RecordUpdate moveTo(RecordUpdate update, TaskStatus target) {
    List<String> allowed = target.replaces();
    List<String> placeholders = new ArrayList<>();
    for (int i = 0; i < allowed.size(); i++) {
      placeholders.add(":g_allowed" + i);
      update.bind(":g_allowed" + i, AttributeValue.fromS(allowed.get(i)));
    }
    String guard =
        "attribute_not_exists(#status) OR #status IN (" + String.join(", ", placeholders) + ")";
    return update
        .when(guard, "status")
        .set("status", target.name())
        .set(RANK, (long) target.rank());
  }
}
