package us.anth.plexus.bridge;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Task items shaped the way the Plexus dashboard writes them (test fixture). */
public final class DashboardTasks {
  private final Map<String, AttributeValue> item = new LinkedHashMap<>();

  private DashboardTasks(String id) {
    String now = Instant.now().toString();
    put("id", id);
    put("accountId", "acct-1");
    put("type", "Evaluation");
    put("status", "PENDING");
    put("dispatchStatus", "PENDING");
    put("target", "evaluation/accuracy");
    put("command", "evaluate accuracy --scorecard \"agent scorecard\" --number-of-samples 20");
    put("description", "Accuracy evaluation");
    put("metadata", "{\"scorecard\":\"agent scorecard\",\"samples\":20}");
    put("scorecardId", "sc-1");
    put("scoreId", "score-1");
    put("createdAt", now);
    put("updatedAt", now);
    put("__typename", "Task");
  }

  /** A new PENDING task with a random UUID id. */
  public static DashboardTasks pending() {
    return new DashboardTasks(UUID.randomUUID().toString());
  }

  /** Sets (or with null, removes) a string attribute. */
  public DashboardTasks with(String name, String value) {
    if (value == null) {
      item.remove(name);
    } else {
      put(name, value);
    }
    return this;
  }

  /** Sets an attribute of any type (e.g. metadata as a map, as some writers store it). */
  public DashboardTasks withValue(String name, AttributeValue value) {
    item.put(name, value);
    return this;
  }

  public String id() {
    return item.get("id").s();
  }

  public Map<String, AttributeValue> item() {
    return Map.copyOf(item);
  }

  private void put(String name, String value) {
    item.put(name, AttributeValue.fromS(value));
  }
}
