package us.anth.plexus.operator.model;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Status conditions that keep {@code lastTransitionTime} while a condition's status, reason and
 * message are unchanged, and stamp {@code observedGeneration}.
 */
public final class Conditions {
  public static final String READY = "Ready";
  public static final String SCHEDULED = "Scheduled";
  public static final String APPROVED = "Approved";
  public static final String FAILED = "Failed";
  public static final String SYNCED = "Synced";

  /** False while the spec breaks a rule the running task cannot honour (e.g. an edited command). */
  public static final String SPEC_VALID = "SpecValid";

  private Conditions() {}

  /** A copy of {@code current} with condition {@code type} set; untouched when unchanged. */
  public static List<Condition> set(
      List<Condition> current,
      String type,
      boolean status,
      String reason,
      String message,
      Long generation,
      String now) {
    List<Condition> result = new ArrayList<>(current == null ? List.of() : current);
    Optional<Condition> existing = find(result, type);
    String statusText = status ? "True" : "False";
    boolean same =
        existing.isPresent()
            && statusText.equals(existing.get().getStatus())
            && Objects.equals(reason, existing.get().getReason())
            && Objects.equals(message, existing.get().getMessage());
    String transition = same ? existing.get().getLastTransitionTime() : now;
    Condition updated =
        new ConditionBuilder()
            .withType(type)
            .withStatus(statusText)
            .withReason(reason)
            .withMessage(message)
            .withObservedGeneration(generation)
            .withLastTransitionTime(transition)
            .build();
    int index = existing.map(result::indexOf).orElse(-1);
    if (index >= 0) {
      result.set(index, updated);
    } else {
      result.add(updated);
    }
    return result;
  }

  /** A copy of {@code current} without condition {@code type}. */
  public static List<Condition> remove(List<Condition> current, String type) {
    List<Condition> result = new ArrayList<>(current == null ? List.of() : current);
    result.removeIf(c -> type.equals(c.getType()));
    return result;
  }

  /** The condition of the given type. */
  public static Optional<Condition> find(List<Condition> conditions, String type) {
    return conditions == null
        ? Optional.empty()
        : conditions.stream().filter(c -> type.equals(c.getType())).findFirst();
  }

  /** Whether the condition exists with status False and the given reason. */
  public static boolean isFalseWithReason(List<Condition> conditions, String type, String reason) {
    return find(conditions, type)
        .filter(c -> "False".equals(c.getStatus()) && reason.equals(c.getReason()))
        .isPresent();
  }
}
