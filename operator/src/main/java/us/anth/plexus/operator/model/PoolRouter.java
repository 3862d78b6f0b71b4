package us.anth.plexus.operator.model;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import us.anth.plexus.api.PlexusTaskSpec;
import us.anth.plexus.api.PlexusWorkerPool;
import us.anth.plexus.api.target.InvalidTargetException;
import us.anth.plexus.api.target.Target;
import us.anth.plexus.api.target.TargetPattern;

/**
 * Chooses the pool of a task: {@code spec.pool} when set, else the pool with the most specific
 * pattern matching the target, ties broken by higher priority, then pool name.
 */
public final class PoolRouter {
  private PoolRouter() {}

  /**
   * The chosen pool, or empty when none matches (or the pinned pool does not exist). Pools with
   * {@link PoolProblems} are never chosen.
   */
  public static Optional<PlexusWorkerPool> route(
      PlexusTaskSpec spec, Target target, Collection<PlexusWorkerPool> allPools) {
    List<PlexusWorkerPool> pools = allPools.stream().filter(PoolProblems::usable).toList();
    if (spec.getPool() != null && !spec.getPool().isBlank()) {
      return pools.stream()
          .filter(p -> spec.getPool().equals(p.getMetadata().getName()))
          .findFirst();
    }
    return pools.stream()
        .flatMap(pool -> bestPattern(pool, target).map(p -> new Candidate(pool, p)).stream())
        .min(
            Comparator.comparing(Candidate::pattern, TargetPattern.SPECIFICITY.reversed())
                .thenComparingInt(c -> -priority(c.pool))
                .thenComparing(c -> c.pool.getMetadata().getName()))
        .map(Candidate::pool);
  }

  /** The pool's priority (0 when unset). */
  public static int priority(PlexusWorkerPool pool) {
    Integer priority = pool.getSpec() == null ? null : pool.getSpec().getPriority();
    return priority == null ? 0 : priority;
  }

  /**
   * The most specific of the pool's patterns that match ({@link TargetPattern#SPECIFICITY}), or
   * empty. Bad patterns never match.
   */
  static Optional<TargetPattern> bestPattern(PlexusWorkerPool pool, Target target) {
    if (pool.getSpec() == null || pool.getSpec().getTargets() == null) {
      return Optional.empty();
    }
    return pool.getSpec().getTargets().stream()
        .filter(Objects::nonNull)
        .map(PoolRouter::parseOrNull)
        .filter(p -> p != null && p.matches(target))
        .max(TargetPattern.SPECIFICITY);
  }

  private static TargetPattern parseOrNull(String text) {
    try {
      return TargetPattern.parse(text);
    } catch (InvalidTargetException e) {
      return null;
    }
  }

  private record Candidate(PlexusWorkerPool pool, TargetPattern pattern) {}
}
