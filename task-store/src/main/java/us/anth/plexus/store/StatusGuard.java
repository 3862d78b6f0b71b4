package us.anth.plexus.store;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The never-backwards rule for a Task's status. We keep {@code plexusStatusRank} (0 PENDING, 1
 * RUNNING, 2 final) next to {@code status}; a write is allowed to a higher rank, or to the same
 * status again (idempotent re-sync), never from one final status to another. Records written by
 * others (no rank yet) are judged by their {@code status} value instead.
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
        "#plexusStatusRank < :g_rank OR (#plexusStatusRank = :g_rank AND #status = :g_status)"
            + " OR (attribute_not_exists(#plexusStatusRank) AND (attribute_not_exists(#status)"
            + " OR #status IN ("
            + String.join(", ", placeholders)
            + ")))";
    return update
        .when(guard, RANK, "status")
        .bind(":g_rank", AttributeValue.fromN(Integer.toString(target.rank())))
        .bind(":g_status", AttributeValue.fromS(target.name()))
        .set("status", target.name())
        .set(RANK, (long) target.rank());
  }
}
