package us.anth.plexus.store.appsync;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import us.anth.plexus.store.TaskStatus;

/**
 * The never-backwards rules as Amplify {@code Model*ConditionInput} values. Only model fields can
 * appear in them, so they judge the stored {@code status} (and a stage's {@code processedItems}),
 * the same rule {@code StatusGuard} applies to records without our rank attribute.
 */
final class AmplifyConditions {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private AmplifyConditions() {}

  /** The stored status is absent or one that {@code target} may replace. */
  static ObjectNode statusMayBecome(TaskStatus target) {
    ArrayNode or = F.arrayNode();
    or.add(F.objectNode().set("status", F.objectNode().put("attributeExists", false)));
    target.replaces().forEach(s -> or.add(statusIs(s)));
    return F.objectNode().set("or", or);
  }

  /** The stored status is absent or not final: progress never lands on a finished task. */
  static ObjectNode notFinished() {
    return statusMayBecome(TaskStatus.RUNNING);
  }

  /**
   * A stage write: the status moves forward; at the same status, {@code processedItems} never
   * decreases.
   */
  static ObjectNode stageMayBecome(TaskStatus target, Long processedItems) {
    if (processedItems == null) {
      return statusMayBecome(target);
    }
    List<String> lower = target.replaces().stream().filter(s -> !s.equals(target.name())).toList();
    ArrayNode or = F.arrayNode();
    lower.forEach(s -> or.add(statusIs(s)));
    ArrayNode itemsOk = F.arrayNode();
    itemsOk.add(F.objectNode().set("processedItems", F.objectNode().put("attributeExists", false)));
    itemsOk.add(F.objectNode().set("processedItems", F.objectNode().put("le", processedItems)));
    ArrayNode same = F.arrayNode();
    same.add(statusIs(target.name()));
    same.add(F.objectNode().set("or", itemsOk));
    or.add(F.objectNode().set("and", same));
    return F.objectNode().set("or", or);
  }

  private static ObjectNode statusIs(String status) {
    return F.objectNode().set("status", F.objectNode().put("eq", status));
  }
}
