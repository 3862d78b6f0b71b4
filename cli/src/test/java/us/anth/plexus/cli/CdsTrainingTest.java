package us.anth.plexus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The run bin/plexusctl records its class-data sharing archive from: if it stops reaching the
 * {@code list} path, the archive would silently hold little and every call start slower.
 */
class CdsTrainingTest {
  @Test
  void trainingListsTheCannedTasksAsTableAndJson() throws Exception {
    CdsTraining.Result result = CdsTraining.train();

    assertThat(result.exitCodes()).containsExactly(0, 0);
    assertThat(result.requests())
        .as("one task list request per output format")
        .filteredOn(path -> path.equals(CdsTraining.TASKS_PATH))
        .hasSize(2);
    assertThat(result.output())
        .as("the table row, then the JSON list")
        .containsPattern("(?m)^NAME\\s+.*PHASE")
        .containsPattern("(?m)^train-1\\s+.*Running")
        .contains("\"kind\" : \"List\"", "\"name\" : \"train-1\"");
    assertThat(result.succeeded()).isTrue();
  }
}
