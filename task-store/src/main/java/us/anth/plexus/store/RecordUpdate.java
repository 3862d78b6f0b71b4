package us.anth.plexus.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import us.anth.plexus.api.Timestamps;

/**
 * Builds one targeted {@code UpdateItem}: SET/ADD clauses for the given attributes only, the
 * bookkeeping every write carries (updatedAt, __typename, createdAt once, DataStore fields), and a
 * condition. Attribute {@code foo} is referred to as {@code #foo} in conditions.
 */
final class RecordUpdate {
  private final List<String> sets = new ArrayList<>();
  private final List<String> adds = new ArrayList<>();
  private final Map<String, String> names = new HashMap<>();
  private final Map<String, AttributeValue> values = new HashMap<>();
  private final List<String> conditions = new ArrayList<>();

  /** Starts an update stamped with updatedAt/__typename/createdAt and, if on, DataStore fields. */
  static RecordUpdate stamped(String typename, boolean dataStoreFields, Instant now) {
    RecordUpdate update = new RecordUpdate();
    String timestamp = Timestamps.format(now);
    update.set("updatedAt", timestamp).set("__typename", typename);
    update.setIfAbsent("createdAt", AttributeValue.fromS(timestamp));
    if (dataStoreFields) {
      update.add("_version", 1);
      update.set("_lastChangedAt", AttributeValue.fromN(Long.toString(now.toEpochMilli())));
      update.set("_deleted", AttributeValue.fromBool(false));
    }
    return update;
  }

  /** Sets a string attribute; null leaves the attribute untouched. */
  RecordUpdate set(String attribute, String value) {
    return value == null ? this : set(attribute, AttributeValue.fromS(value));
  }

  /**
   * Sets an AWSJSON attribute in the form AppSync stores (a map for an object); null: untouched.
   */
  RecordUpdate setJson(String attribute, String json) {
    return json == null ? this : set(attribute, AttributeJson.value(json));
  }

  /** Sets a number attribute; null leaves the attribute untouched. */
  RecordUpdate set(String attribute, Long value) {
    return value == null ? this : set(attribute, AttributeValue.fromN(value.toString()));
  }

  RecordUpdate set(String attribute, AttributeValue value) {
    sets.add(name(attribute) + " = " + value(attribute, value));
    return this;
  }

  /**
   * Sets the write sequence {@code attribute}, applied only when the stored one is lower or absent:
   * the monotonic guard of every write ordered by {@link MonotonicSequence}.
   */
  RecordUpdate setIfNewer(String attribute, long sequence) {
    String name = name(attribute);
    return set(attribute, sequence)
        .when("attribute_not_exists(" + name + ") OR " + name + " < :g_seq")
        .bind(":g_seq", AttributeValue.fromN(Long.toString(sequence)));
  }

  /** Sets {@code parent.child} inside an existing map attribute. */
  RecordUpdate setNested(String parent, String child, AttributeValue value) {
    sets.add(name(parent) + "." + name(child) + " = " + value(parent + "_" + child, value));
    return this;
  }

  RecordUpdate setIfAbsent(String attribute, AttributeValue value) {
    String name = name(attribute);
    sets.add(name + " = if_not_exists(" + name + ", " + value(attribute, value) + ")");
    return this;
  }

  RecordUpdate add(String attribute, long amount) {
    adds.add(name(attribute) + " " + value(attribute, AttributeValue.fromN(Long.toString(amount))));
    return this;
  }

  /** Adds a condition (ANDed); {@code attributes} are the names it uses as {@code #name}. */
  RecordUpdate when(String expression, String... attributes) {
    for (String attribute : attributes) {
      name(attribute);
    }
    conditions.add("(" + expression + ")");
    return this;
  }

  /** Binds a condition value {@code :placeholder}. */
  RecordUpdate bind(String placeholder, AttributeValue value) {
    values.put(placeholder, value);
    return this;
  }

  UpdateItemRequest toRequest(String table, String id) {
    StringBuilder expression = new StringBuilder("SET ").append(String.join(", ", sets));
    if (!adds.isEmpty()) {
      expression.append(" ADD ").append(String.join(", ", adds));
    }
    UpdateItemRequest.Builder request =
        UpdateItemRequest.builder()
            .tableName(table)
            .key(TaskTables.itemKey(id))
            .updateExpression(expression.toString())
            .expressionAttributeNames(names)
            .expressionAttributeValues(values)
            .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD);
    if (!conditions.isEmpty()) {
      request.conditionExpression(String.join(" AND ", conditions));
    }
    return request.build();
  }

  private String name(String attribute) {
    String alias = "#" + attribute.replaceAll("[^A-Za-z0-9]", "");
    names.put(alias, attribute);
    return alias;
  }

  private String value(String attribute, AttributeValue value) {
    String placeholder = ":" + attribute.replaceAll("[^A-Za-z0-9]", "") + "_v";
    values.put(placeholder, value);
    return placeholder;
  }
}
