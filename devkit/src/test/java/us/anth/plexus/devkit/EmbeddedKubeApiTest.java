package us.anth.plexus.devkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import org.junit.jupiter.api.Test;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.api.PlexusTaskSpec;
import us.anth.plexus.api.PlexusTaskStatus;
import us.anth.plexus.api.TaskPhase;

class EmbeddedKubeApiTest {
  @Test
  void servesPlexusTasksWithAStatusSubresource() {
    try (EmbeddedKubeApi api = EmbeddedKubeApi.start()) {
      PlexusTask task = new PlexusTask();
      task.setMetadata(new ObjectMetaBuilder().withName("t1").withNamespace("ns1").build());
      PlexusTaskSpec spec = new PlexusTaskSpec();
      spec.setAccountId("acct");
      spec.setType("demo");
      spec.setTarget("training/gpu-required");
      spec.setCommand("demo");
      task.setSpec(spec);
      api.client().resource(task).create();

      PlexusTask patch = new PlexusTask();
      patch.setMetadata(new ObjectMetaBuilder().withName("t1").withNamespace("ns1").build());
      PlexusTaskStatus status = new PlexusTaskStatus();
      status.setPhase(TaskPhase.Running);
      patch.setStatus(status);
      api.client().resource(patch).patchStatus();

      PlexusTask read =
          api.client().resources(PlexusTask.class).inNamespace("ns1").withName("t1").get();
      assertThat(read.getSpec().getTarget()).isEqualTo("training/gpu-required");
      assertThat(read.getStatus().getPhase()).isEqualTo(TaskPhase.Running);
      assertThat(api.client().apiextensions().v1().customResourceDefinitions().list().getItems())
          .extracting(c -> c.getMetadata().getName())
          .containsExactlyInAnyOrder(
              "plexustasks.plexus.anth.us", "plexusworkerpools.plexus.anth.us");
      assertThat(api.url()).startsWith("http://");
    }
  }

  @Test
  void filtersEventsByTheFieldSelectorsTheRealApiServerSupports() {
    try (EmbeddedKubeApi api = EmbeddedKubeApi.start()) {
      var events = api.client().v1().events().inNamespace("ns1");
      events.resource(event("a", "Job", "job-1", "FailedCreate")).create();
      events.resource(event("b", "Job", "job-1", "SuccessfulCreate")).create();
      events.resource(event("c", "Job", "job-2", "FailedCreate")).create();
      events.resource(event("d", "Pod", "job-1", "FailedCreate")).create();

      var found =
          events
              .withField("involvedObject.kind", "Job")
              .withField("involvedObject.name", "job-1")
              .withField("reason", "FailedCreate")
              .list()
              .getItems();
      var others = events.withoutField("reason", "FailedCreate").list().getItems();
      var byName = events.withField("metadata.name", "c").list().getItems();

      assertThat(found).extracting(e -> e.getMetadata().getName()).containsExactly("a");
      assertThat(others).extracting(e -> e.getMetadata().getName()).containsExactly("b");
      assertThat(byName).extracting(e -> e.getMetadata().getName()).containsExactly("c");
    }
  }

  private static Event event(String name, String kind, String object, String reason) {
    return new EventBuilder()
        .withNewMetadata()
        .withName(name)
        .endMetadata()
        .withReason(reason)
        .withNewInvolvedObject()
        .withKind(kind)
        .withName(object)
        .endInvolvedObject()
        .build();
  }
}
