package us.anth.plexus.api.read;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What a tolerant read of one object found: unknown fields (ignored) and fields whose values could
 * not be read (left unset), each by its path relative to the object, e.g. {@code timeoutSeconds} or
 * {@code stages[1].order}.
 */
public final class ReadProblems {
  private final Map<String, String> unreadable = new LinkedHashMap<>();
  private final Set<String> unknown = new LinkedHashSet<>();

  /** Field paths that could not be read, each with what was wrong, in document order. */
  public Map<String, String> unreadable() {
    return Map.copyOf(unreadable);
  }

  /** Paths of fields the model does not know, in document order. */
  public Set<String> unknown() {
    return Set.copyOf(unknown);
  }

  /** True when nothing was unreadable (unknown fields do not count). */
  public boolean readable() {
    return unreadable.isEmpty();
  }

  /**
   * One line naming every unreadable field under {@code prefix}, e.g. {@code spec.timeoutSeconds:
   * "abc" is not an integer}.
   */
  public String describeUnreadable(String prefix) {
    StringBuilder text = new StringBuilder();
    unreadable.forEach(
        (path, why) -> {
          if (text.length() > 0) {
            text.append("; ");
          }
          text.append(join(prefix, path)).append(": ").append(why);
        });
    return text.toString();
  }

  /** The unknown field paths under {@code prefix}, comma-separated. */
  public String describeUnknown(String prefix) {
    return String.join(", ", unknown.stream().map(path -> join(prefix, path)).toList());
  }

  /** Makes this a copy of {@code other} (a clone of an object keeps what its read found). */
  public void copyFrom(ReadProblems other) {
    unreadable.clear();
    unreadable.putAll(other.unreadable);
    unknown.clear();
    unknown.addAll(other.unknown);
  }

  void unreadable(String path, String why) {
    unreadable.put(path, why);
  }

  void unknown(String path) {
    unknown.add(path);
  }

  void merge(String prefix, ReadProblems nested) {
    nested.unreadable.forEach((path, why) -> unreadable.put(join(prefix, path), why));
    nested.unknown.forEach(path -> unknown.add(join(prefix, path)));
  }

  private static String join(String prefix, String path) {
    if (prefix == null || prefix.isEmpty()) {
      return path;
    }
    return path.isEmpty() ? prefix : path.startsWith("[") ? prefix + path : prefix + "." + path;
  }
}
