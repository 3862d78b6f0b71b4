package us.anth.plexus.controlplane;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import java.util.List;
import org.junit.jupiter.api.Test;
import us.anth.plexus.api.PlexusTaskStatus;
import us.anth.plexus.api.PlexusWorkerPool;
import us.anth.plexus.api.StageState;
import us.anth.plexus.api.StageStatus;
import us.anth.plexus.api.TaskPhase;
import us.anth.plexus.operator.testing.TestPools;
import us.anth.plexus.operator.testing.TestTasks;

/**
 * The runner cannot write its status at all (its Role lost {@code plexustasks/status}): its final
 * state still reaches the PlexusTask, through the container's termination message the runner writes
 * and the operator reads from the pod (stages with their counts, output, exit code). Prints what
 * the status got.
 */
class LostFinalWriteFaultIT {
  private static final String COMMAND =
      "sh -c 'echo \"::plexus:: {\\\"event\\\":\\\"stage\\\",\\\"stage\\\":\\\"Scoring\\\","
          + "\\\"total\\\":3}\"; echo \"::plexus:: {\\\"event\\\":\\\"progress\\\","
          + "\\\"processed\\\":3}\"; echo \"::plexus:: {\\\"event\\\":\\\"output\\\","
          + "\\\"output\\\":\\\"scored 3\\\"}\"'";

  @Test
  void finalStateComesFromTheTerminationMessageWhenTheRunnerCannotWrite() {
    RealCluster cluster = RealCluster.get();
    try (OperatorOnCluster on = OperatorOnCluster.start(cluster)) {
      String ns = on.namespace;
      on.admin()
          .rbac()
          .roles()
          .inNamespace(ns)
          .withName(ChartRbac.RELEASE + "-runner")
          .edit(
              role -> {
                List<PolicyRule> kept =
                    role.getRules().stream()
                        .filter(rule -> !rule.getResources().contains("plexustasks/status"))
                        .toList();
                role.setRules(kept);
                return role;
              });
      PlexusWorkerPool pool = TestPools.pool(ns + "-cpu", ns + "/*");
      pool.getSpec().setEnv(List.of(new EnvVar("PLEXUS_STATUS_FLUSH_SECONDS", "2", null)));
      on.createPool(pool);
      on.createTask(
          TestTasks.builder().name("mute").target(ns + "/work").command(COMMAND).buildNew());

      PlexusTaskStatus done =
          OperatorOnCluster.eventually()
              .until(
                  () -> on.status("mute"),
                  s -> s.getPhase() == TaskPhase.Succeeded && s.getOutput() != null);
      System.out.printf(
          "LostFinalWriteFaultIT: phase=%s exitCode=%s output=%s stages=%s%n",
          done.getPhase(),
          done.getExitCode(),
          done.getOutput(),
          done.getStages().stream()
              .map(
                  s ->
                      s.getName()
                          + ":"
                          + s.getStatus()
                          + ":"
                          + s.getProcessedItems()
                          + "/"
                          + s.getTotalItems())
              .toList());
      assertThat(done.getExitCode()).isZero();
      assertThat(done.getOutput()).isEqualTo("scored 3");
      StageStatus scoring =
          done.getStages().stream().filter(s -> "Scoring".equals(s.getName())).findFirst().get();
      assertThat(scoring.getStatus()).isEqualTo(StageState.COMPLETED);
      assertThat(scoring.getProcessedItems()).isEqualTo(3L);
      assertThat(scoring.getTotalItems()).isEqualTo(3L);
      assertThat(on.denials.count()).as("the operator was never denied").isZero();
    }
  }
}
