package us.anth.plexus.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.operator.testing.TestTasks;

class AuditStepsTest {
  @Test
  void theCreatorIsTheAnnotationElseTheEarliestFieldManagerElseUnknown() {
    PlexusTask task = TestTasks.builder().build();
    assertThat(AuditSteps.creator(task)).isEqualTo("unknown");

    task.getMetadata()
        .setManagedFields(
            List.of(
                new ManagedFieldsEntryBuilder()
                    .withManager("plexus-operator")
                    .withOperation("Update")
                    .withSubresource("status")
                    .withTime("2026-12-01T08:00:00Z")
                    .build(),
                new ManagedFieldsEntryBuilder()
                    .withManager("plexusctl")
                    .withOperation("Update")
                    .withTime("2026-12-01T08:00:05Z")
                    .build(),
                new ManagedFieldsEntryBuilder()
                    .withManager("kubectl-create")
                    .withOperation("Update")
                    .withTime("2026-12-01T08:00:01Z")
                    .build()));
    assertThat(AuditSteps.creator(task)).isEqualTo("kubectl-create");

    task.getMetadata().setAnnotations(Map.of(AuditSteps.CREATED_BY, "plexus-bridge"));
    assertThat(AuditSteps.creator(task)).isEqualTo("plexus-bridge");
  }
}
