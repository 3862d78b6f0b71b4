package us.anth.plexus.operator.model;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import us.anth.plexus.api.PlexusWorkerPool;
import us.anth.plexus.api.command.CommandSyntaxException;
import us.anth.plexus.api.command.CommandWords;

/**
 * Decides whether a command needs approval on a pool: some entry of {@code approvalRequiredFor},
 * split into words, is a prefix of the command's words (split like the runner splits them).
 */
public final class ApprovalPolicy {
  private ApprovalPolicy() {}

  /** The approvalRequiredFor entry the command matches, if any. */
  public static Optional<String> requiredRule(PlexusWorkerPool pool, String command) {
    List<String> rules = pool.getSpec() == null ? null : pool.getSpec().getApprovalRequiredFor();
    if (rules == null || rules.isEmpty()) {
      return Optional.empty();
    }
    List<String> words = words(command);
    return rules.stream()
        .filter(rule -> rule != null && !rule.isBlank())
        .filter(rule -> startsWith(words, words(rule)))
        .findFirst();
  }

  private static boolean startsWith(List<String> words, List<String> prefix) {
    return !prefix.isEmpty()
        && words.size() >= prefix.size()
        && words.subList(0, prefix.size()).equals(prefix);
  }

  /** Shell-style words; a command the runner cannot parse falls back to whitespace splitting. */
  static List<String> words(String text) {
    try {
      return CommandWords.split(text);
    } catch (CommandSyntaxException e) {
      return Arrays.stream(text.trim().split("\\s+")).filter(w -> !w.isEmpty()).toList();
    }
  }
}
