package us.anth.plexus.operator.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.api.Test;
import us.anth.plexus.api.PlexusTask;

/** Objects read through the operator's serialization share one instance per short string value. */
class InternedStringsTest {
  private static final String LONG = "x".repeat(InternedStrings.MAX_LENGTH + 1);

  private static String pod(String name) {
    return """
        {"apiVersion":"v1","kind":"Pod",
         "metadata":{"name":"%s","namespace":"team-a","labels":{"pool":"gpu"},
                     "annotations":{"note":"%s"}},
         "status":{"phase":"Pending","conditions":[{"type":"PodScheduled","status":"False",
                   "reason":"Unschedulable","message":"no nodes available to schedule pods"}]}}
        """
        .formatted(name, LONG);
  }

  @Test
  void shortValuesOfTwoObjectsAreOneInstanceAndTheObjectsReadAsWithoutInterning() {
    KubernetesSerialization interning = InternedStrings.serialization();
    Pod first = interning.unmarshal(pod("p1"), Pod.class);
    Pod second = interning.unmarshal(pod("p2"), Pod.class);

    assertThat(second.getMetadata().getNamespace()).isSameAs(first.getMetadata().getNamespace());
    assertThat(second.getMetadata().getLabels().get("pool"))
        .isSameAs(first.getMetadata().getLabels().get("pool"));
    assertThat(second.getStatus().getConditions().get(0).getMessage())
        .isSameAs(first.getStatus().getConditions().get(0).getMessage());
    assertThat(second.getMetadata().getAnnotations().get("note"))
        .isEqualTo(LONG)
        .isNotSameAs(first.getMetadata().getAnnotations().get("note"));
    assertThat(first).isEqualTo(new KubernetesSerialization().unmarshal(pod("p1"), Pod.class));
  }

  @Test
  void plexusTasksReadThroughTheirTolerantReaderAlsoShareValues() {
    KubernetesSerialization interning = InternedStrings.serialization();
    String task =
        """
        {"apiVersion":"plexus.anth.us/v1alpha1","kind":"PlexusTask",
         "metadata":{"name":"%s","namespace":"team-a"},
         "spec":{"target":"gpu/eval","command":"demo --seconds 1"}}
        """;
    PlexusTask first = interning.unmarshal(task.formatted("t1"), PlexusTask.class);
    PlexusTask second = interning.unmarshal(task.formatted("t2"), PlexusTask.class);

    assertThat(second.getSpec().getTarget()).isSameAs(first.getSpec().getTarget());
    assertThat(second.getMetadata().getNamespace()).isSameAs(first.getMetadata().getNamespace());
  }
}
