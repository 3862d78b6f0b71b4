package us.anth.plexus.operator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static us.anth.plexus.operator.testing.OperatorHarness.eventually;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.api.PlexusTaskStatus;
import us.anth.plexus.api.TaskPhase;
import us.anth.plexus.api.audit.AuditKind;
import us.anth.plexus.operator.testing.OperatorHarness;
import us.anth.plexus.operator.testing.TestPools;
import us.anth.plexus.operator.testing.TestTasks;

/** spec.dryRun stores the exact Job a real run creates, with the approval it would need. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DryRunJobIT {
  private OperatorHarness harness;
  private String ns;

  @BeforeAll
  void start() {
    harness = OperatorHarness.start();
  }

  @AfterAll
  void stop() {
    harness.close();
  }

  @BeforeEach
  void newNamespace() {
    ns = harness.newNamespace();
  }

  private PlexusTaskStatus awaitPhase(String name, TaskPhase phase) {
    return eventually().until(() -> harness.status(ns, name), s -> s.getPhase() == phase);
  }

  /**
   * The same task (namespace, spec) as a dry run or a real run. Names of equal length: the API
   * server gives each object its own uid and creation time, so the two differ only in identity.
   */
  private PlexusTask twin(String name, boolean dryRun) {
    TestTasks builder =
        TestTasks.builder()
            .namespace(ns)
            .name(name)
            .target(ns + "/eval")
            .command("evaluate accuracy --scorecard \"agent scorecard\"")
            .timeoutSeconds(600)
            .retry(2, 3);
    return (dryRun ? builder.dryRun() : builder).buildNew();
  }

  /** The Job as the builder made it: without what the API server adds on create. */
  private static JsonNode asBuilt(JsonNode job) {
    ObjectNode copy = job.deepCopy();
    copy.remove("status");
    ObjectNode metadata = (ObjectNode) copy.get("metadata");
    metadata.remove(
        java.util.List.of(
            "uid", "resourceVersion", "creationTimestamp", "generation", "managedFields"));
    return copy;
  }

  /**
   * {@code json} with the dry-run task's identity (Job name, uid, name, time) swapped for real's.
   */
  private static String withIdentityOf(
      String json, PlexusTask dry, PlexusTask real, String dryJob, String realJob) {
    return json.replace(dryJob, realJob)
        .replace(dry.getMetadata().getUid(), real.getMetadata().getUid())
        .replace(
            dry.getMetadata().getCreationTimestamp(), real.getMetadata().getCreationTimestamp())
        .replace(
            "\"" + dry.getMetadata().getName() + "\"", "\"" + real.getMetadata().getName() + "\"");
  }

  @Test
  void theStoredJobEqualsTheJobARealRunOfTheSameTaskCreates() throws Exception {
    harness.createPool(TestPools.pool(ns + "-p", ns + "/*"));
    PlexusTask dry = harness.createTask(twin("twin-dry", true));
    PlexusTask real = harness.createTask(twin("twin-run", false));
    PlexusTaskStatus planned = awaitPhase("twin-dry", TaskPhase.Succeeded);
    Job created = eventually().until(() -> harness.jobOf(ns, "twin-run"), job -> job != null);
    assertThat(harness.jobOf(ns, "twin-dry")).isNull();
    JsonNode stored = planned.getDryRun().getJob();
    assertThat(stored.at("/metadata/name").asText()).isEqualTo(planned.getJobName());
    assertThat(planned.getDryRun().getApprovalRequired()).isFalse();
    assertThat(planned.getHistory())
        .extracting(e -> e.getKind())
        .contains(AuditKind.CREATED, AuditKind.ROUTED, AuditKind.DRY_RUN);

    JsonNode createdJson = Serialization.jsonMapper().valueToTree(created);
    String storedAsReal =
        withIdentityOf(
            asBuilt(stored).toString(),
            dry,
            real,
            planned.getJobName(),
            created.getMetadata().getName());
    // Compared as parsed text: a Long field read back from the API server parses as an int node.
    assertThat(Serialization.jsonMapper().readTree(storedAsReal))
        .isEqualTo(Serialization.jsonMapper().readTree(asBuilt(createdJson).toString()));
    assertThat(stored.at("/spec/template/spec/containers/0/env").toString())
        .contains("evaluate accuracy --scorecard \\\"agent scorecard\\\"");
    assertThat(stored.at("/spec/backoffLimit").asInt()).isEqualTo(2);
    assertThat(stored.at("/spec/activeDeadlineSeconds").asInt()).isEqualTo(600);
  }

  @Test
  void aDryRunSaysWhenApprovalWouldBeNeededAndNeedsNoneItself() {
    harness.createPool(
        TestPools.withApproval(TestPools.pool(ns + "-p", ns + "/*"), "dataset delete"));
    harness.createTask(
        TestTasks.builder()
            .namespace(ns)
            .name("plan")
            .target(ns + "/x")
            .command("dataset delete --id 7")
            .dryRun()
            .buildNew());
    PlexusTaskStatus planned = awaitPhase("plan", TaskPhase.Succeeded);
    assertThat(planned.getDryRun().getApprovalRequired()).isTrue();
    assertThat(planned.getDryRun().getRisk()).isEqualTo("Destructive");
    assertThat(planned.getDryRun().getApprovalReason()).contains("rule 'dataset delete *'");
    assertThat(planned.getDryRun().getJob().at("/metadata/name").asText())
        .isEqualTo(planned.getJobName());
    assertThat(harness.jobs(ns)).isEmpty();
  }
}
