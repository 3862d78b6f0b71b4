package us.anth.plexus.runner.publish;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import us.anth.plexus.api.StageState;
import us.anth.plexus.runner.progress.StageSnapshot;

class StatusPatchTest {
  @Test
  void carriesOnlyRunnerOwnedFields() {
    Instant at = Instant.parse("2026-01-01T00:00:00.123456Z");
    TaskSnapshot snapshot =
        new TaskSnapshot(
            new TaskRef("ns", "t", "id"),
            7,
            at,
            StageState.FAILED,
            "Processing",
            "1/2 (50%)",
            at,
            List.of(
                new StageSnapshot(
                    "Processing", 2, StageState.FAILED, "Error: boom", 1L, 2L, at, at, null, 0.5)),
            3,
            "boom",
            "trace",
            "out",
            "err",
            10,
            20,
            "result",
            null);

    JsonNode json = Serialization.jsonMapper().valueToTree(StatusPatch.of(snapshot));

    assertThat(json.fieldNames())
        .toIterable()
        .containsExactlyInAnyOrderElementsOf(StatusPatch.RUNNER_FIELDS);
    assertThat(json.get("estimatedCompletionAt").asText()).isEqualTo("2026-01-01T00:00:00.123Z");
    assertThat(json.get("stages").get(0).get("statusMessage").asText()).isEqualTo("Error: boom");
    assertThat(json.get("stages").get(0).has("estimatedCompletionAt")).isFalse();
  }

  @Test
  void aTerminatedRunNeverClearsTheOperatorsErrorMessage() {
    TaskRef task = new TaskRef("ns", "t", "id");
    TaskSnapshot running = TestSnapshots.bare(task, 1, StageState.RUNNING);
    TaskSnapshot terminated = TestSnapshots.bare(task, 2, StageState.FAILED);

    assertThat(StatusPatch.fieldsToClear(running)).isEqualTo(StatusPatch.RUNNER_FIELDS);
    assertThat(terminated.leavesErrorMessageToOperator()).isTrue();
    assertThat(StatusPatch.fieldsToClear(terminated))
        .doesNotContain("errorMessage")
        .contains("exitCode", "errorDetails", "stages");
  }
}
