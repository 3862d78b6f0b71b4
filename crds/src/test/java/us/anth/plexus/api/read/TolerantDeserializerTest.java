package us.anth.plexus.api.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.Test;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.api.PlexusWorkerPool;

/** Unknown fields and wrong types never make a whole object unreadable. */
class TolerantDeserializerTest {
  private static PlexusTask task(String specJson) {
    return Serialization.unmarshal(
        "{\"apiVersion\":\"plexus.anth.us/v1alpha1\",\"kind\":\"PlexusTask\","
            + "\"metadata\":{\"name\":\"t\"},\"spec\":"
            + specJson
            + "}",
        PlexusTask.class);
  }

  @Test
  void wrongTypeIsLeftUnsetAndNamedWhileTheOtherFieldsAreRead() {
    PlexusTask task =
        task("{\"command\":\"demo\",\"timeoutSeconds\":\"abc\",\"retry\":{\"maxRetries\":2}}");

    assertThat(task.getSpec().getCommand()).isEqualTo("demo");
    assertThat(task.getSpec().getTimeoutSeconds()).isNull();
    assertThat(task.getSpec().getRetry().getMaxRetries()).isEqualTo(2);
    ReadProblems problems = task.getSpec().readProblems();
    assertThat(problems.readable()).isFalse();
    assertThat(problems.unreadable()).containsOnlyKeys("timeoutSeconds");
    assertThat(problems.describeUnreadable("spec"))
        .startsWith("spec.timeoutSeconds: \"abc\" cannot be read (");
  }

  @Test
  void unknownFieldsAreIgnoredAndListedWithNestedPaths() {
    PlexusTask task =
        task(
            "{\"command\":\"demo\",\"foo\":1,\"stages\":[{\"name\":\"a\",\"order\":1},"
                + "{\"name\":\"b\",\"order\":\"x\",\"bar\":{}}]}");

    ReadProblems problems = task.getSpec().readProblems();
    assertThat(problems.unknown()).containsExactlyInAnyOrder("foo", "stages[1].bar");
    assertThat(problems.unreadable()).containsOnlyKeys("stages[1].order");
    assertThat(task.getSpec().getStages()).hasSize(2);
    assertThat(task.getSpec().getStages().get(0).getOrder()).isEqualTo(1);
  }

  @Test
  void aSpecThatIsNotAnObjectIsReadAsEmptyAndReported() {
    PlexusTask task = task("5");

    assertThat(task.getSpec().getCommand()).isNull();
    assertThat(task.getSpec().readProblems().describeUnreadable("spec"))
        .isEqualTo("spec: expected an object, got 5");
  }

  @Test
  void poolPatternListOfWrongTypeIsNamed() {
    PlexusWorkerPool pool =
        Serialization.unmarshal(
            "{\"apiVersion\":\"plexus.anth.us/v1alpha1\",\"kind\":\"PlexusWorkerPool\","
                + "\"metadata\":{\"name\":\"p\"},\"spec\":{\"targets\":\"a/b\","
                + "\"concurrencyLimit\":3},\"status\":{\"activeTasks\":\"many\"}}",
            PlexusWorkerPool.class);

    assertThat(pool.getSpec().getConcurrencyLimit()).isEqualTo(3);
    assertThat(pool.getSpec().readProblems().unreadable()).containsOnlyKeys("targets");
    assertThat(pool.getStatus().readProblems().unreadable()).containsOnlyKeys("activeTasks");
  }

  @Test
  void aModelWrittenAndReadBackHasNoProblems() {
    PlexusTask task = task("{\"command\":\"demo\",\"timeoutSeconds\":5,\"dryRun\":true}");
    PlexusTask again = Serialization.unmarshal(Serialization.asJson(task), PlexusTask.class);

    assertThat(again.getSpec().getTimeoutSeconds()).isEqualTo(5L);
    assertThat(again.getSpec().dryRunRequested()).isTrue();
    assertThat(again.getSpec().readProblems().unknown()).isEmpty();
    assertThat(Serialization.asJson(again)).doesNotContain("readProblems");
  }
}
