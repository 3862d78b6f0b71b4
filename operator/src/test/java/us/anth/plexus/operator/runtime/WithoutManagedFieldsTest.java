package us.anth.plexus.operator.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.FieldsV1;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import us.anth.plexus.api.PlexusTask;

/** The informer store keeps the first writer (the audit trail's creator) and no field sets. */
class WithoutManagedFieldsTest {
  private static ManagedFieldsEntry entry(String manager, String time, String subresource) {
    FieldsV1 fields = new FieldsV1();
    fields.setAdditionalProperty("f:spec", Map.of());
    return new ManagedFieldsEntryBuilder()
        .withManager(manager)
        .withOperation("Update")
        .withTime(time)
        .withSubresource(subresource)
        .withFieldsV1(fields)
        .build();
  }

  @Test
  void keepsOnlyTheEarliestWriterOfTheMainResourceWithoutItsFieldSet() {
    PlexusTask task = new PlexusTask();
    task.setMetadata(
        new ObjectMetaBuilder()
            .withName("t")
            .withNamespace("ns")
            .withManagedFields(
                entry("plexus-operator", "2026-12-01T09:00:05Z", null),
                entry("plexus-operator", "2026-12-01T09:00:01Z", "status"),
                entry("alice-kubectl", "2026-12-01T09:00:00Z", null))
            .build());

    WithoutManagedFields<PlexusTask> store = new WithoutManagedFields<>();
    store.put("ns/t", task);

    assertThat(store.get("ns/t").getMetadata().getManagedFields())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.getManager()).isEqualTo("alice-kubectl");
              assertThat(e.getTime()).isEqualTo("2026-12-01T09:00:00Z");
              assertThat(e.getFieldsV1()).isNull();
            });
  }

  @Test
  void noEntryOfTheMainResourceLeavesNone() {
    assertThat(WithoutManagedFields.firstWriter(List.of(entry("op", "t", "status")))).isNull();
    assertThat(WithoutManagedFields.firstWriter(null)).isNull();
  }
}
