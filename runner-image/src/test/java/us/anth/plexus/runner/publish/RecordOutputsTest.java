package us.anth.plexus.runner.publish;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import us.anth.plexus.api.StageState;

/** The record's stdout/stderr/output/error as Plexus's worker writes them, within the budget. */
class RecordOutputsTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final String COMMAND =
      "plexus evaluate accuracy --scorecard \"Agent Scorecard\" --score Greeting";

  private static TaskSnapshot finished(int exitCode, String error, String output, RunOutput run) {
    return new TaskSnapshot(
        new TaskRef("ns", "t", "id-1"),
        9,
        Instant.parse("2026-11-23T10:00:00Z"),
        exitCode == 0 ? StageState.COMPLETED : StageState.FAILED,
        null,
        null,
        null,
        List.of(),
        exitCode,
        error,
        null,
        "",
        "",
        run.stdoutWritten(),
        run.stderrWritten(),
        output,
        run);
  }

  private static RunOutput run(String stdout, long stdoutWritten, String stderr) {
    return new RunOutput(COMMAND, stdout, stdoutWritten, stderr, stderr.length());
  }

  @Test
  void successWritesBothStreamsWholeAndTheOutputAsAUniversalCodeDocument() throws Exception {
    RecordOutputs fields =
        RecordOutputs.of(
            finished(0, null, "{\"accuracy\": 0.93}", run("scored 3\n", 9, "warn\n")),
            RecordOutputs.BUDGET_BYTES);

    assertThat(fields.stdout()).isEqualTo("scored 3\n");
    assertThat(fields.stderr()).isEqualTo("warn\n");
    assertThat(fields.error()).isNull();
    assertThat(fields.output())
        .startsWith("# Evaluation Task Output\n#\n")
        .contains("# Command: " + COMMAND, "# Scorecard: Agent Scorecard", "# Score: Greeting");
    JsonNode doc = YAML.readTree(fields.output());
    assertThat(doc.path("task_info").path("command").asText()).isEqualTo(COMMAND);
    assertThat(doc.path("task_info").path("type").asText()).isEqualTo("Evaluation");
    assertThat(doc.path("task_info").path("format").asText()).isEqualTo("Universal Code YAML");
    assertThat(doc.path("accuracy").asDouble()).as("a JSON object is merged").isEqualTo(0.93);
  }

  @Test
  void successWithoutDeclaredOutputSaysCompletedAsTheWorkerDoes() throws Exception {
    RecordOutputs fields =
        RecordOutputs.of(finished(0, null, null, run("", 0, "")), RecordOutputs.BUDGET_BYTES);
    JsonNode doc = YAML.readTree(fields.output());
    assertThat(doc.path("status").asText()).isEqualTo("completed");
    assertThat(doc.path("output_summary").asText()).isEqualTo("Command completed successfully");
  }

  @Test
  void failureWritesTheErrorDocumentWithMessageAndStreamsAndNoOutput() throws Exception {
    RecordOutputs fields =
        RecordOutputs.of(
            finished(3, "command exited with code 3", null, run("half\n", 5, "boom\n")),
            RecordOutputs.BUDGET_BYTES);

    assertThat(fields.output()).isNull();
    assertThat(fields.error()).startsWith("# Evaluation (Failed) Task Output\n");
    JsonNode doc = YAML.readTree(fields.error());
    assertThat(doc.path("status").asText()).isEqualTo("error");
    assertThat(doc.path("error_message").asText()).isEqualTo("command exited with code 3");
    assertThat(doc.path("exit_code").asInt()).isEqualTo(3);
    assertThat(doc.path("stdout").asText()).isEqualTo("half\n");
    assertThat(doc.path("stderr").asText()).isEqualTo("boom\n");
  }

  @Test
  void largeFailedOutputFitsTheBudgetKeepingEachStreamsTailAndSayingWhatWasCut() throws Exception {
    String line = "item 0123456789 scored ok ü\n"; // a 2-byte character too
    String stdout = line.repeat(20_000); // ~580 KB, more than the whole budget
    String stderr = "E".repeat(100_000) + "\nlast error line\n";
    RecordOutputs fields =
        RecordOutputs.of(
            finished(1, "command exited with code 1", null, run(stdout, 2_000_000, stderr)),
            RecordOutputs.BUDGET_BYTES);

    int total =
        RecordOutputs.bytes(fields.stdout())
            + RecordOutputs.bytes(fields.stderr())
            + RecordOutputs.bytes(fields.error());
    assertThat(total).isLessThanOrEqualTo(RecordOutputs.BUDGET_BYTES);
    assertThat(total).as("the budget is used, not wasted").isGreaterThan(250 * 1024);
    assertThat(fields.stdout())
        .startsWith("[plexus-runner: the first ")
        .contains(" of 2000000 bytes were cut to keep the Task record under DynamoDB's 400 KB")
        .endsWith(line.repeat(3));
    assertThat(fields.stderr()).endsWith("last error line\n");
    JsonNode doc = YAML.readTree(fields.error());
    assertThat(doc.path("stdout").asText()).isEqualTo(fields.stdout());
    assertThat(doc.path("stderr").asText()).isEqualTo(fields.stderr());
  }

  @Test
  void anOutputTooLargeForHalfTheBudgetBecomesPlexussCompactPreview() throws Exception {
    String huge = "x".repeat(RecordOutputs.BUDGET_BYTES);
    RecordOutputs fields =
        RecordOutputs.of(finished(0, null, huge, run("ok\n", 3, "")), RecordOutputs.BUDGET_BYTES);
    JsonNode compact = new ObjectMapper().readTree(fields.output());
    assertThat(compact.path("output_compacted").asBoolean()).isTrue();
    assertThat(compact.path("preview").path("raw_preview").asText())
        .hasSize(RecordOutputs.PREVIEW_CHARS);
    assertThat(fields.stdout()).isEqualTo("ok\n");
  }

  @Test
  void aCutNeverSplitsACharacter() {
    String kept = RecordOutputs.tail("aüüü", 7, 60 + 100);
    assertThat(kept).endsWith("aüüü");
    String cut = RecordOutputs.tail("ü".repeat(200), 400, 150);
    assertThat(cut).contains("were cut").doesNotContain("\uFFFD");
    assertThat(RecordOutputs.bytes(cut)).isLessThanOrEqualTo(150);
  }
}
