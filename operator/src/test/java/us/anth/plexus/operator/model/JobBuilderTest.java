package us.anth.plexus.operator.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static us.anth.plexus.operator.testing.TestPools.gpuPool;
import static us.anth.plexus.operator.testing.TestPools.pool;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSecurityContextBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.PodFailurePolicyRule;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import us.anth.plexus.api.PlexusLabels;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.api.PlexusWorkerPool;
import us.anth.plexus.operator.OperatorConfig;
import us.anth.plexus.operator.testing.TestTasks;

class JobBuilderTest {
  private final OperatorConfig config =
      OperatorConfig.fromEnv(
          Map.of(
              "PLEXUS_RUNNER_IMAGE", "runner:default",
              "PLEXUS_DYNAMODB_ENABLED", "true",
              "PLEXUS_DYNAMODB_TASK_TABLE", "Task-abc-NONE"));
  private final PlexusTask task =
      TestTasks.builder()
          .name("eval-42")
          .namespace("plexus")
          .uid("uid-42")
          .taskId("task-id-1")
          .accountId("acct 9")
          .target("training/gpu-required")
          .timeoutSeconds(600)
          .retry(2, 3, 0, 127)
          .ttlSecondsAfterFinished(3600)
          .build();

  @Test
  void jobCarriesNameLabelsAnnotationsAndOwner() {
    Job job = JobBuilder.build(task, gpuPool("gpu", "*/gpu-required"), config);
    assertThat(job.getMetadata().getName()).isEqualTo(JobNames.forTask(task));
    assertThat(job.getMetadata().getNamespace()).isEqualTo("plexus");
    assertThat(job.getMetadata().getLabels())
        .containsExactly(
            entry(PlexusLabels.TASK_NAME, "eval-42"),
            entry(PlexusLabels.TASK_ID, "task-id-1"),
            entry(PlexusLabels.ACCOUNT_ID, "acct-9"),
            entry(PlexusLabels.POOL, "gpu"),
            entry(PlexusLabels.MANAGED_BY, "plexus-operator"));
    assertThat(job.getSpec().getTemplate().getMetadata().getLabels())
        .isEqualTo(job.getMetadata().getLabels());
    assertThat(job.getMetadata().getAnnotations()).containsEntry(PlexusLabels.TASK_NAME, "eval-42");
    var owner = job.getMetadata().getOwnerReferences().get(0);
    assertThat(owner.getKind()).isEqualTo("PlexusTask");
    assertThat(owner.getApiVersion()).isEqualTo("plexus.anth.us/v1alpha1");
    assertThat(owner.getUid()).isEqualTo("uid-42");
    assertThat(owner.getController()).isTrue();
  }

  @Test
  void taskPodsMeetTheRestrictedPodSecurityStandard() {
    var pod = JobBuilder.build(task, pool("p", "*/*"), config).getSpec().getTemplate().getSpec();
    var container = pod.getContainers().get(0).getSecurityContext();

    assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    assertThat(container.getAllowPrivilegeEscalation()).isFalse();
    assertThat(container.getCapabilities().getDrop()).containsExactly("ALL");
    assertThat(container.getRunAsNonRoot()).isTrue();
    assertThat(container.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
  }

  @Test
  void aPoolSecurityContextReplacesTheRestrictedDefault() {
    PlexusWorkerPool poolWithOwnUser = pool("legacy", "*/*");
    poolWithOwnUser
        .getSpec()
        .setPodSecurityContext(
            new PodSecurityContextBuilder().withRunAsUser(1000L).withFsGroup(2000L).build());
    poolWithOwnUser
        .getSpec()
        .setSecurityContext(
            new SecurityContextBuilder()
                .withReadOnlyRootFilesystem(true)
                .withNewCapabilities()
                .withAdd("NET_BIND_SERVICE")
                .endCapabilities()
                .build());

    PodSpec pod = JobBuilder.build(task, poolWithOwnUser, config).getSpec().getTemplate().getSpec();

    assertThat(pod.getSecurityContext())
        .isEqualTo(new PodSecurityContextBuilder().withRunAsUser(1000L).withFsGroup(2000L).build());
    var container = pod.getContainers().get(0).getSecurityContext();
    assertThat(container.getReadOnlyRootFilesystem()).isTrue();
    assertThat(container.getCapabilities().getAdd()).containsExactly("NET_BIND_SERVICE");
    assertThat(container.getAllowPrivilegeEscalation()).as("replaced whole, not merged").isNull();
    PlexusWorkerPool onlyPodLevel = pool("p", "*/*");
    onlyPodLevel.getSpec().setPodSecurityContext(new PodSecurityContextBuilder().build());
    PodSpec mixed = JobBuilder.build(task, onlyPodLevel, config).getSpec().getTemplate().getSpec();
    assertThat(mixed.getContainers().get(0).getSecurityContext())
        .as("the container keeps the restricted default when only the pod level is overridden")
        .isEqualTo(TaskPodSecurity.container());
  }

  @Test
  void jobSpecComesFromTheTaskSettings() {
    Job job = JobBuilder.build(task, pool("p", "*/*"), config, true);
    assertThat(job.getSpec().getBackoffLimit()).isEqualTo(2);
    assertThat(job.getSpec().getActiveDeadlineSeconds()).isEqualTo(600L);
    assertThat(job.getSpec().getTtlSecondsAfterFinished()).isEqualTo(3600);
    assertThat(job.getSpec().getSuspend()).isTrue();
    assertThat(JobBuilder.build(task, pool("p", "*/*"), config).getSpec().getSuspend()).isFalse();
    PlexusTask bare = TestTasks.builder().build();
    Job bareJob = JobBuilder.build(bare, pool("p", "*/*"), config);
    assertThat(bareJob.getSpec().getBackoffLimit()).isZero();
    assertThat(bareJob.getSpec().getActiveDeadlineSeconds()).isNull();
  }

  @Test
  void podFailurePolicyFailsFastOnNeverRetryCodesAndIgnoresDisruptions() {
    List<PodFailurePolicyRule> rules =
        JobBuilder.build(task, pool("p", "*/*"), config).getSpec().getPodFailurePolicy().getRules();
    assertThat(rules.get(0).getAction()).isEqualTo("FailJob");
    assertThat(rules.get(0).getOnExitCodes().getContainerName()).isEqualTo("runner");
    assertThat(rules.get(0).getOnExitCodes().getOperator()).isEqualTo("In");
    assertThat(rules.get(0).getOnExitCodes().getValues()).containsExactly(3, 124, 126, 127);
    assertThat(rules.get(1).getAction()).isEqualTo("Ignore");
    assertThat(rules.get(1).getOnPodConditions().get(0).getType()).isEqualTo("DisruptionTarget");
  }

  @Test
  void podTakesPlacementImageAndResourcesFromThePool() {
    PodSpec pod =
        JobBuilder.build(task, gpuPool("gpu", "*/*"), config).getSpec().getTemplate().getSpec();
    assertThat(pod.getRestartPolicy()).isEqualTo("Never");
    assertThat(pod.getNodeSelector()).containsEntry("plexus.anth.us/node-pool", "gpu");
    assertThat(pod.getTolerations())
        .singleElement()
        .extracting(t -> t.getKey())
        .isEqualTo("nvidia.com/gpu");
    assertThat(pod.getServiceAccountName()).isEqualTo("gpu-runner");
    assertThat(pod.getPriorityClassName()).isEqualTo("plexus-high");
    assertThat(pod.getAffinity()).isEqualTo(gpuPool("gpu", "*/*").getSpec().getAffinity());
    assertThat(
            pod.getAffinity()
                .getNodeAffinity()
                .getRequiredDuringSchedulingIgnoredDuringExecution()
                .getNodeSelectorTerms()
                .get(0)
                .getMatchExpressions()
                .get(0)
                .getValues())
        .containsExactly("us-east-1a", "us-east-1b");
    assertThat(pod.getTerminationGracePeriodSeconds()).isEqualTo(30L);
    Container runner = pod.getContainers().get(0);
    assertThat(pod.getContainers()).hasSize(1);
    assertThat(runner.getName()).isEqualTo("runner");
    assertThat(runner.getImage()).isEqualTo("registry.example/plexus-runner:gpu");
    assertThat(runner.getArgs()).containsExactly("run");
    assertThat(runner.getResources().getLimits())
        .containsEntry("nvidia.com/gpu", new Quantity("1"));
  }

  @Test
  void defaultsComeFromTheOperatorConfig() {
    PodSpec pod =
        JobBuilder.build(task, pool("p", "*/*"), config).getSpec().getTemplate().getSpec();
    assertThat(pod.getServiceAccountName()).isEqualTo("plexus-runner");
    assertThat(pod.getContainers().get(0).getImage()).isEqualTo("runner:default");
    assertThat(pod.getContainers().get(0).getImagePullPolicy()).isEqualTo("IfNotPresent");
    assertThat(pod.getNodeSelector()).isNullOrEmpty();
    assertThat(pod.getAffinity()).isNull();
  }

  @Test
  void appSyncSinkSettingsReachTheRunnerButTheKeyOnlyThroughItsSecret() {
    OperatorConfig appSync =
        OperatorConfig.fromEnv(
            Map.of(
                "PLEXUS_TASK_SINK", "appsync",
                "PLEXUS_APPSYNC_URL", "https://x.appsync-api.eu-west-1.amazonaws.com/graphql",
                "PLEXUS_APPSYNC_API_KEY", "da2-operator-only",
                "PLEXUS_APPSYNC_API_KEY_SECRET", "plexus-appsync"));
    List<io.fabric8.kubernetes.api.model.EnvVar> env =
        JobBuilder.build(task, pool("p", "*/*"), appSync)
            .getSpec()
            .getTemplate()
            .getSpec()
            .getContainers()
            .get(0)
            .getEnv();
    assertThat(JobEnv.asMap(env))
        .containsEntry("PLEXUS_TASK_SINK", "appsync")
        .containsEntry(
            "PLEXUS_APPSYNC_URL", "https://x.appsync-api.eu-west-1.amazonaws.com/graphql")
        .doesNotContainKey("PLEXUS_APPSYNC_API_KEY_SECRET")
        .doesNotContainValue("da2-operator-only");
    var key =
        env.stream()
            .filter(e -> e.getName().equals("PLEXUS_APPSYNC_API_KEY"))
            .findFirst()
            .orElseThrow()
            .getValueFrom()
            .getSecretKeyRef();
    assertThat(key.getName()).isEqualTo("plexus-appsync");
    assertThat(key.getKey()).isEqualTo("apiKey");
  }

  @Test
  void envFollowsTheContractOrder() {
    Container runner =
        JobBuilder.build(task, gpuPool("gpu", "*/*"), config)
            .getSpec()
            .getTemplate()
            .getSpec()
            .getContainers()
            .get(0);
    assertThat(runner.getEnv())
        .extracting(e -> e.getName())
        .containsExactly(
            "PLEXUS_TASK_NAMESPACE",
            "PLEXUS_TASK_NAME",
            "PLEXUS_TASK_ID",
            "PLEXUS_COMMAND_PREFIX",
            "PLEXUS_COMMAND",
            "PLEXUS_TARGET",
            "PLEXUS_TIMEOUT_SECONDS",
            "PLEXUS_POD_NAME",
            "PLEXUS_NODE_NAME",
            "PLEXUS_DYNAMODB_ENABLED",
            "PLEXUS_DYNAMODB_TASK_TABLE",
            "CUDA_VISIBLE_DEVICES");
    assertThat(JobEnv.asMap(runner.getEnv()))
        .containsEntry("PLEXUS_TASK_NAMESPACE", "plexus")
        .containsEntry("PLEXUS_TASK_NAME", "eval-42")
        .containsEntry("PLEXUS_TASK_ID", "task-id-1")
        .containsEntry("PLEXUS_COMMAND_PREFIX", "plexus")
        .containsEntry("PLEXUS_COMMAND", task.getSpec().getCommand())
        .containsEntry("PLEXUS_TARGET", task.getSpec().getTarget())
        .containsEntry("PLEXUS_TIMEOUT_SECONDS", "600")
        .containsEntry("PLEXUS_POD_NAME", "fieldRef:metadata.name")
        .containsEntry("PLEXUS_NODE_NAME", "fieldRef:spec.nodeName")
        .containsEntry("PLEXUS_DYNAMODB_TASK_TABLE", "Task-abc-NONE");
  }

  @Test
  void poolPassesTheTaskIdRuleAndThePlexusApiSecretToTheRunner() {
    var plexusPool = pool("plexus", "*");
    plexusPool.getSpec().setTaskIdArgument(us.anth.plexus.api.TaskIdArgument.never);
    plexusPool.getSpec().setPlexusApiSecret("plexus-api");
    var env =
        JobBuilder.build(TestTasks.builder().build(), plexusPool, config)
            .getSpec()
            .getTemplate()
            .getSpec()
            .getContainers()
            .get(0)
            .getEnv();
    assertThat(JobEnv.asMap(env))
        .containsEntry("PLEXUS_TASK_ID_ARG", "never")
        .containsEntry("PLEXUS_API_URL", "secret:plexus-api")
        .containsEntry("PLEXUS_API_KEY", "secret:plexus-api")
        .containsEntry("PLEXUS_ACCOUNT_KEY", "secret:plexus-api");
    assertThat(env)
        .filteredOn(e -> e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null)
        .allSatisfy(
            e -> {
              assertThat(e.getValueFrom().getSecretKeyRef().getKey()).isEqualTo(e.getName());
              assertThat(e.getValueFrom().getSecretKeyRef().getOptional()).isTrue();
            });
  }

  @Test
  void emptyTaskIdAndPrefixAreSentEmpty() {
    PlexusTask untracked = TestTasks.builder().build();
    var env =
        JobEnv.asMap(
            JobBuilder.build(untracked, pool("p", "*/*"), config)
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0)
                .getEnv());
    assertThat(env)
        .containsEntry("PLEXUS_TASK_ID", "")
        .containsEntry("PLEXUS_COMMAND_PREFIX", "")
        .doesNotContainKey("PLEXUS_TIMEOUT_SECONDS");
    assertThat(JobBuilder.build(untracked, pool("p", "*/*"), config).getMetadata().getLabels())
        .doesNotContainKey(PlexusLabels.TASK_ID);
    var unset = pool("q", "*/*");
    unset.getSpec().setCommandPrefix(null);
    assertThat(JobEnv.commandPrefix(unset)).isEqualTo("plexus");
  }

  @Test
  void buildingIsPure() {
    var pool = gpuPool("gpu", "*/*");
    assertThat(JobBuilder.build(task, pool, config))
        .isEqualTo(JobBuilder.build(task, pool, config));
  }
}
