package us.anth.plexus.operator.testing;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.api.PlexusTaskSpec;
import us.anth.plexus.api.RetryPolicy;
import us.anth.plexus.api.approval.ApprovalAdmission;
import us.anth.plexus.api.approval.ApprovalDecision;
import us.anth.plexus.api.approval.TaskApproval;
import us.anth.plexus.api.rollback.RollbackSpec;

/** Fluent PlexusTask fixtures: {@code TestTasks.builder().name("t").target("a/b").build()}. */
public final class TestTasks {
  private final PlexusTaskSpec spec = new PlexusTaskSpec();
  private String name = "task-" + UUID.randomUUID().toString().substring(0, 8);
  private String namespace = "default";
  private String uid = UUID.randomUUID().toString();
  private String created = "2026-11-23T10:00:00Z";
  private final Map<String, String> annotations = new LinkedHashMap<>();

  private TestTasks() {
    spec.setAccountId("acct-1");
    spec.setType("demo");
    spec.setTarget("datasets/call-criteria");
    spec.setCommand("demo --seconds 1");
  }

  public static TestTasks builder() {
    return new TestTasks();
  }

  public TestTasks name(String value) {
    name = value;
    return this;
  }

  public TestTasks namespace(String value) {
    namespace = value;
    return this;
  }

  public TestTasks uid(String value) {
    uid = value;
    return this;
  }

  public TestTasks created(String value) {
    created = value;
    return this;
  }

  public TestTasks target(String value) {
    spec.setTarget(value);
    return this;
  }

  public TestTasks command(String value) {
    spec.setCommand(value);
    return this;
  }

  public TestTasks taskId(String value) {
    spec.setTaskId(value);
    return this;
  }

  public TestTasks accountId(String value) {
    spec.setAccountId(value);
    return this;
  }

  public TestTasks pool(String value) {
    spec.setPool(value);
    return this;
  }

  public TestTasks timeoutSeconds(long value) {
    spec.setTimeoutSeconds(value);
    return this;
  }

  public TestTasks retry(int maxRetries, Integer... nonRetryableExitCodes) {
    spec.setRetry(new RetryPolicy(maxRetries, List.of(nonRetryableExitCodes)));
    return this;
  }

  public TestTasks ttlSecondsAfterFinished(int value) {
    spec.setTtlSecondsAfterFinished(value);
    return this;
  }

  public TestTasks dryRun() {
    spec.setDryRun(true);
    return this;
  }

  /** Sets spec.approval (what the admission policy lets an approver write). */
  public TestTasks approval(ApprovalDecision decision, String user, String reason) {
    spec.setApproval(new TaskApproval(decision, user, reason));
    return this;
  }

  /** Sets the creator annotation the admission policy records at CREATE. */
  public TestTasks createdBy(String user) {
    annotations.put(ApprovalAdmission.CREATED_BY_ANNOTATION, user);
    return this;
  }

  public TestTasks stages(us.anth.plexus.api.StageDeclaration... declared) {
    spec.setStages(List.of(declared));
    return this;
  }

  /** spec.rollback with {@code command}; {@code onCancel} also after a cancellation. */
  public TestTasks rollback(String command, boolean onCancel) {
    RollbackSpec rollback = new RollbackSpec();
    rollback.setCommand(command);
    rollback.setOnCancel(onCancel);
    spec.setRollback(rollback);
    return this;
  }

  public TestTasks dependsOn(String... names) {
    spec.setDependsOn(List.of(names));
    return this;
  }

  /** A task as the API server would return it (uid and creationTimestamp set). */
  public PlexusTask build() {
    PlexusTask task = buildNew();
    task.getMetadata().setUid(uid);
    task.getMetadata().setCreationTimestamp(created);
    task.getMetadata().setGeneration(1L);
    return task;
  }

  /** A task to create through the API (no server-set metadata). */
  public PlexusTask buildNew() {
    PlexusTask task = new PlexusTask();
    task.setMetadata(
        new ObjectMetaBuilder()
            .withName(name)
            .withNamespace(namespace)
            .withAnnotations(annotations.isEmpty() ? null : new java.util.HashMap<>(annotations))
            .build());
    task.setSpec(spec);
    return task;
  }
}
