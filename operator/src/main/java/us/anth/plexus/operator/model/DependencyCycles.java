package us.anth.plexus.operator.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** Finds a dependency cycle through one task: spec.dependsOn leading back to the task itself. */
public final class DependencyCycles {
  private DependencyCycles() {}

  /**
   * The cycle through {@code start} as task names, first and last both {@code start} (e.g. {@code
   * [a, b, a]}; {@code [a, a]} for a task depending on itself), or empty when there is none. {@code
   * dependsOn} gives a task's dependencies (empty for an unknown task).
   */
  public static Optional<List<String>> through(
      String start, Function<String, List<String>> dependsOn) {
    List<String> path = new ArrayList<>(List.of(start));
    return search(start, start, dependsOn, path, new HashSet<>())
        ? Optional.of(path)
        : Optional.empty();
  }

  private static boolean search(
      String start,
      String current,
      Function<String, List<String>> dependsOn,
      List<String> path,
      Set<String> visited) {
    for (String next : dependsOn.apply(current)) {
      if (next == null) {
        continue;
      }
      if (next.equals(start)) {
        path.add(next);
        return true;
      }
      if (visited.add(next)) {
        path.add(next);
        if (search(start, next, dependsOn, path, visited)) {
          return true;
        }
        path.remove(path.size() - 1);
      }
    }
    return false;
  }

  /** {@code a -> b -> a}. */
  public static String describe(List<String> cycle) {
    return String.join(" -> ", cycle);
  }
}
