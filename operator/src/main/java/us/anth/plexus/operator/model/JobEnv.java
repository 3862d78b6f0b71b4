package us.anth.plexus.operator.model;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.api.PlexusWorkerPool;
import us.anth.plexus.operator.OperatorConfig;

/** The runner container's environment, in the order the Job contract lists it. */
public final class JobEnv {
  /** Executable prefix of a pool that does not set one (the CRD default). */
  public static final String DEFAULT_COMMAND_PREFIX = "plexus";

  /** The command the Job runs (spec.command when the Job was created). */
  public static final String COMMAND = "PLEXUS_COMMAND";

  /** The target the Job was routed for (spec.target when the Job was created). */
  public static final String TARGET = "PLEXUS_TARGET";

  private JobEnv() {}

  /**
   * Task identity, command prefix, command and target, timeout, pod fieldRefs, DynamoDB settings,
   * then pool env.
   */
  public static List<EnvVar> of(PlexusTask task, PlexusWorkerPool pool, OperatorConfig config) {
    List<EnvVar> env = new ArrayList<>();
    env.add(value("PLEXUS_TASK_NAMESPACE", task.getMetadata().getNamespace()));
    env.add(value("PLEXUS_TASK_NAME", task.getMetadata().getName()));
    env.add(value("PLEXUS_TASK_ID", orEmpty(task.getSpec().getTaskId())));
    env.add(value("PLEXUS_COMMAND_PREFIX", commandPrefix(pool)));
    // The command and target as they were when the Job was created: the runner runs this command
    // even if spec.command is edited later, and the operator reports such an edit (SpecValid).
    env.add(value(COMMAND, task.getSpec().getCommand()));
    env.add(value(TARGET, task.getSpec().getTarget()));
    if (task.getSpec().getTimeoutSeconds() != null) {
      env.add(value("PLEXUS_TIMEOUT_SECONDS", task.getSpec().getTimeoutSeconds().toString()));
    }
    env.add(fieldRef("PLEXUS_POD_NAME", "metadata.name"));
    env.add(fieldRef("PLEXUS_NODE_NAME", "spec.nodeName"));
    new TreeMap<>(config.storeEnv()).forEach((k, v) -> env.add(value(k, v)));
    if (pool.getSpec().getEnv() != null) {
      env.addAll(pool.getSpec().getEnv());
    }
    return env;
  }

  /** The pool's command prefix; the CRD default when the pool leaves it unset. */
  public static String commandPrefix(PlexusWorkerPool pool) {
    String prefix = pool.getSpec().getCommandPrefix();
    return prefix == null ? DEFAULT_COMMAND_PREFIX : prefix;
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }

  private static EnvVar value(String name, String value) {
    return new EnvVarBuilder().withName(name).withValue(value).build();
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
              : var.getValue();
      map.put(var.getName(), value);
    }
    return map;
  }
}
