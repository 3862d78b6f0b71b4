package us.anth.plexus.cli;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import us.anth.plexus.api.DryRunReport;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.api.PlexusTaskStatus;

/**
 * {@code dispatch --dry-run}: waits for the operator's plan of a dry-run task (status.dryRun) and
 * prints it: the exact Job a real run would create, as YAML, with its pool, risk and approval.
 */
final class DryRunPlan {
  private DryRunPlan() {}

  /** The plan, once the operator stored it; fails with one line if the task cannot be planned. */
  static DryRunReport await(KubernetesClient client, PlexusTask created, Duration timeout)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    String name = "task/" + created.getMetadata().getName();
    PlexusTask task = created;
    while (true) {
      PlexusTaskStatus status = task == null ? null : task.getStatus();
      if (status != null && status.getDryRun() != null) {
        return status.getDryRun();
      }
      if (status != null && status.getPhase() != null && status.getPhase().isFinal()) {
        throw new CliException(
            name + " ended " + status.getPhase() + " without a plan: " + status.getErrorMessage());
      }
      Optional<Condition> unscheduled = falseCondition(status, "Scheduled");
      if (unscheduled.isPresent()) {
        throw new CliException(name + " cannot be planned: " + unscheduled.get().getMessage());
      }
      if (Instant.now().isAfter(deadline)) {
        throw new CliException(name + " was not planned within " + timeout.toSeconds() + "s");
      }
      Thread.sleep(200);
      task = Tasks.reload(client, created);
    }
  }

  /** One line for people: where it would run and whether it needs approval. */
  static String summary(PlexusTask task, DryRunReport plan) {
    String pool = plan.getJob().at("/metadata/labels").path("plexus.anth.us/pool").asText("?");
    String approval =
        Boolean.TRUE.equals(plan.getApprovalRequired())
            ? "approval required (" + plan.getApprovalReason() + ")"
            : "no approval required";
    return "task/"
        + task.getMetadata().getName()
        + " (dry run): Job "
        + plan.getJob().at("/metadata/name").asText()
        + " on pool "
        + pool
        + "; risk "
        + (plan.getRisk() == null ? "not assessed" : plan.getRisk())
        + "; "
        + approval;
  }

  /** The Job as YAML, as {@code kubectl get job -o yaml} would show it before creation. */
  static String jobYaml(DryRunReport plan) {
    return Serialization.asYaml(plan.getJob()).replaceFirst("^---\n", "");
  }

  private static Optional<Condition> falseCondition(PlexusTaskStatus status, String type) {
    List<Condition> conditions = status == null ? null : status.getConditions();
    return conditions == null
        ? Optional.empty()
        : conditions.stream()
            .filter(c -> type.equals(c.getType()) && "False".equals(c.getStatus()))
            .findFirst();
  }
}
