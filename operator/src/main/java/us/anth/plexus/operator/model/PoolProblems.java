package us.anth.plexus.operator.model;

import java.util.ArrayList;
import java.util.List;
import us.anth.plexus.api.CelRules;
import us.anth.plexus.api.PlexusWorkerPool;
import us.anth.plexus.api.PlexusWorkerPoolSpec;
import us.anth.plexus.api.rules.SchemaRules;
import us.anth.plexus.api.target.InvalidTargetException;
import us.anth.plexus.api.target.TargetPattern;

/**
 * Why a pool cannot take tasks: fields that could not be read, the schema's bounds and CEL rules,
 * and target patterns that do not parse. Routing skips a pool with problems; the pool's Ready
 * condition lists them.
 */
public final class PoolProblems {
  private PoolProblems() {}

  /** The problems of {@code pool}, each one line naming the field; empty when it is usable. */
  public static List<String> of(PlexusWorkerPool pool) {
    List<String> problems = new ArrayList<>();
    PlexusWorkerPoolSpec spec = pool.getSpec();
    if (spec == null) {
      problems.add("spec is required");
      return problems;
    }
    if (!spec.readProblems().readable()) {
      problems.add(spec.readProblems().describeUnreadable("spec"));
    }
    problems.addAll(SchemaRules.violations(spec, "spec"));
    problems.addAll(CelRules.violations(spec, null));
    List<String> targets = spec.getTargets() == null ? List.of() : spec.getTargets();
    for (int i = 0; i < targets.size(); i++) {
      try {
        TargetPattern.parse(targets.get(i));
      } catch (InvalidTargetException e) {
        problems.add("spec.targets[" + i + "]: " + e.getMessage());
      }
    }
    return problems;
  }

  /** True when the pool has no problems. */
  public static boolean usable(PlexusWorkerPool pool) {
    return of(pool).isEmpty();
  }
}
