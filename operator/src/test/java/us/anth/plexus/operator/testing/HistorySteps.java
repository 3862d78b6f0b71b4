package us.anth.plexus.operator.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.ArrayList;
import java.util.List;
import us.anth.plexus.api.audit.AuditEntry;

/** An audit history as short steps for assertions: {@code kind[#attempt][=exitCode]}. */
public final class HistorySteps {
  private HistorySteps() {}

  /** The steps of {@code status.history} (null: none). */
  public static List<String> of(List<AuditEntry> history) {
    return of(Serialization.jsonMapper().valueToTree(history == null ? List.of() : history));
  }

  /** The steps of a history as JSON (e.g. the Task record's metadata.kubernetes.history). */
  public static List<String> of(JsonNode history) {
    List<String> steps = new ArrayList<>();
    for (JsonNode e : history) {
      steps.add(
          e.path("kind").asText()
              + (e.has("attempt") ? "#" + e.get("attempt").asInt() : "")
              + (e.has("exitCode") ? "=" + e.get("exitCode").asInt() : ""));
    }
    return steps;
  }
}
