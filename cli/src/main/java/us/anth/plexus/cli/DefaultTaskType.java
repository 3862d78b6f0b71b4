package us.anth.plexus.cli;

import java.util.List;
import java.util.Set;
import us.anth.plexus.api.command.CommandSyntaxException;
import us.anth.plexus.api.command.CommandWords;

/**
 * The task type {@code dispatch} uses without {@code --type}: the command's first word, skipping a
 * leading Plexus executable ({@code plexus}, {@code plexus-runner}, also as a path), so {@code
 * plexus evaluate accuracy} is type {@code evaluate} and {@code plexus-runner demo} is {@code
 * demo}.
 */
final class DefaultTaskType {
  /** Executables that name the CLI or the runner rather than what the task does. */
  static final Set<String> EXECUTABLES = Set.of("plexus", "plexus-runner");

  private DefaultTaskType() {}

  static String of(String command) {
    List<String> words = words(command);
    if (words.size() > 1 && EXECUTABLES.contains(fileName(words.get(0)))) {
      return words.get(1);
    }
    return words.isEmpty() ? null : words.get(0);
  }

  private static List<String> words(String command) {
    try {
      return CommandWords.split(command).stream().filter(w -> !w.isBlank()).toList();
    } catch (CommandSyntaxException e) {
      // The operator reports the bad quoting; the type only needs a plausible word.
      return List.of(command.trim().split("\\s+")).stream().filter(w -> !w.isBlank()).toList();
    }
  }

  private static String fileName(String word) {
    return word.substring(word.lastIndexOf('/') + 1);
  }
}
