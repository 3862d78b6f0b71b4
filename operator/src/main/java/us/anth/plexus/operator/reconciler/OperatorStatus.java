package us.anth.plexus.operator.reconciler;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.utils.Serialization;
import us.anth.plexus.api.PlexusTaskStatus;
import us.anth.plexus.api.StatusOwnership;
import us.anth.plexus.api.StatusWriter;

/** The operator-owned subset of a task status (the fields {@link StatusOwnership} gives it). */
final class OperatorStatus {
  private OperatorStatus() {}

  /** A status holding only the operator-owned and shared fields of {@code status} (may be null). */
  static PlexusTaskStatus copyOf(PlexusTaskStatus status) {
    if (status == null) {
      return new PlexusTaskStatus();
    }
    ObjectMapper json = Serialization.jsonMapper();
    ObjectNode fields = json.valueToTree(status);
    fields.retain(StatusOwnership.fieldsWrittenBy(StatusWriter.OPERATOR));
    try {
      return json.treeToValue(fields, PlexusTaskStatus.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot copy a task status", e);
    }
  }

  /** Whether two operator-owned statuses serialize identically. */
  static boolean same(PlexusTaskStatus a, PlexusTaskStatus b) {
    return Serialization.asJson(a).equals(Serialization.asJson(b));
  }
}
