package us.anth.plexus.operator.model;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.api.PlexusWorkerPool;
import us.anth.plexus.api.job.JobContract;
import us.anth.plexus.api.job.TerminationMessage;
import us.anth.plexus.api.settings.RunnerVariables;
import us.anth.plexus.operator.OperatorConfig;
import us.anth.plexus.store.appsync.AppSyncSettings;

/** The runner container's environment, in the order the Job contract lists it. */
public final class JobEnv {
  /** The keys of a pool's plexusApiSecret that become the pod's environment, each optional. */
  public static final List<String> PLEXUS_API_KEYS =
      List.of(RunnerVariables.API_URL.name(), RunnerVariables.API_KEY.name(), "PLEXUS_ACCOUNT_KEY");

  private JobEnv() {}

  /**
   * Task identity, command prefix, command and target, timeout, pod fieldRefs, DynamoDB settings,
   * then pool env.
   */
  public static List<EnvVar> of(PlexusTask task, PlexusWorkerPool pool, OperatorConfig config) {
    List<EnvVar> env = new ArrayList<>();
    env.add(value(JobContract.ENV_TASK_NAMESPACE, task.getMetadata().getNamespace()));
    env.add(value(JobContract.ENV_TASK_NAME, task.getMetadata().getName()));
    env.add(value(JobContract.ENV_TASK_ID, orEmpty(task.getSpec().getTaskId())));
    env.add(value(JobContract.ENV_COMMAND_PREFIX, commandPrefix(pool)));
    // The command and target as they were when the Job was created: the runner runs this command
    // even if spec.command is edited later, and the operator reports such an edit (SpecValid).
    env.add(value(JobContract.ENV_COMMAND, task.getSpec().getCommand()));
    env.add(value(JobContract.ENV_TARGET, task.getSpec().getTarget()));
    if (task.getSpec().getTimeoutSeconds() != null) {
      env.add(
          value(JobContract.ENV_TIMEOUT_SECONDS, task.getSpec().getTimeoutSeconds().toString()));
    }
    env.add(fieldRef(JobContract.ENV_POD_NAME, "metadata.name"));
    env.add(fieldRef(JobContract.ENV_NODE_NAME, "spec.nodeName"));
    env.add(value(TerminationMessage.ENV_PATH, TerminationMessage.PATH));
    new TreeMap<>(config.storeEnv()).forEach((k, v) -> env.add(storeVariable(k, v)));
    if (pool.getSpec().getTaskIdArgument() != null) {
      env.add(value(RunnerVariables.TASK_ID_ARG.name(), pool.getSpec().getTaskIdArgument().name()));
    }
    String apiSecret = pool.getSpec().getPlexusApiSecret();
    if (apiSecret != null && !apiSecret.isBlank()) {
      for (String key : PLEXUS_API_KEYS) {
        env.add(secretKey(key, apiSecret));
      }
    }
    if (pool.getSpec().getEnv() != null) {
      env.addAll(pool.getSpec().getEnv());
    }
    return env;
  }

  /** The pool's command prefix; the CRD default when the pool leaves it unset. */
  public static String commandPrefix(PlexusWorkerPool pool) {
    String prefix = pool.getSpec().getCommandPrefix();
    return prefix == null ? JobContract.DEFAULT_COMMAND_PREFIX : prefix;
  }

  /** A store/sink setting; the AppSync key's Secret name becomes the key from that Secret. */
  private static EnvVar storeVariable(String name, String value) {
    if (!name.equals(AppSyncSettings.API_KEY_SECRET)) {
      return value(name, value);
    }
    return new EnvVarBuilder()
        .withName(AppSyncSettings.API_KEY)
        .withNewValueFrom()
        .withNewSecretKeyRef()
        .withName(value)
        .withKey(AppSyncSettings.SECRET_KEY)
        .endSecretKeyRef()
        .endValueFrom()
        .build();
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }

  private static EnvVar value(String name, String value) {
    return new EnvVarBuilder().withName(name).withValue(value).build();
  }

  private static EnvVar secretKey(String name, String secret) {
    return new EnvVarBuilder()
        .withName(name)
        .withNewValueFrom()
        .withNewSecretKeyRef()
        .withName(secret)
        .withKey(name)
        .withOptional(true)
        .endSecretKeyRef()
        .endValueFrom()
        .build();
  }

  private static EnvVar fieldRef(String name, String path) {
    return new EnvVarBuilder()
        .withName(name)
        .withNewValueFrom()
        .withNewFieldRef()
        .withFieldPath(path)
        .endFieldRef()
        .endValueFrom()
        .build();
  }

  /** Env entries as a map (for tests and logs); fieldRefs map to their field path. */
  public static Map<String, String> asMap(List<EnvVar> env) {
    Map<String, String> map = new TreeMap<>();
    for (EnvVar var : env) {
      String value =
          var.getValueFrom() != null && var.getValueFrom().getFieldRef() != null
              ? "fieldRef:" + var.getValueFrom().getFieldRef().getFieldPath()
              : var.getValueFrom() != null && var.getValueFrom().getSecretKeyRef() != null
                  ? "secret:" + var.getValueFrom().getSecretKeyRef().getName()
                  : var.getValue();
      map.put(var.getName(), value);
    }
    return map;
  }
}
