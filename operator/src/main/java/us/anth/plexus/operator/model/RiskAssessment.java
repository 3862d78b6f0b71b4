package us.anth.plexus.operator.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import us.anth.plexus.api.PlexusWorkerPool;
import us.anth.plexus.api.PlexusWorkerPoolSpec;
import us.anth.plexus.api.command.CommandSyntaxException;
import us.anth.plexus.api.command.CommandWords;
import us.anth.plexus.api.risk.RiskLevel;
import us.anth.plexus.api.risk.RiskPattern;
import us.anth.plexus.api.risk.RiskPolicy;
import us.anth.plexus.api.risk.RiskRule;

/**
 * A command's risk on a pool: the most severe level among the pool's rules, its deprecated
 * approvalRequiredFor prefixes (each the rule {@code <prefix> *} at Destructive) and the operator's
 * cluster-wide rules, matched on the parsed command words; the default level when none matches. A
 * rule that does not parse counts as a Destructive match (fail safe). Pure.
 *
 * @param level the task's risk
 * @param rule the deciding rule, or "default"
 * @param approvalRequiredFrom the pool's level from which approval is needed; null: never
 * @param approvalTimeoutSeconds how long a task may wait for approval; null: no limit
 */
public record RiskAssessment(
    RiskLevel level, String rule, RiskLevel approvalRequiredFrom, Long approvalTimeoutSeconds) {
  public static final String DEFAULT_RULE = "default";

  /** Whether the task must be approved before it runs. */
  public boolean approvalRequired() {
    return approvalRequiredFrom != null && level.atLeast(approvalRequiredFrom);
  }

  /** Assesses {@code command} on {@code pool} under the operator's {@code defaults}. */
  public static RiskAssessment of(String command, PlexusWorkerPool pool, RiskDefaults defaults) {
    PlexusWorkerPoolSpec spec =
        pool.getSpec() == null ? new PlexusWorkerPoolSpec() : pool.getSpec();
    RiskPolicy policy = spec.getRisk() == null ? new RiskPolicy() : spec.getRisk();
    List<String> legacy = nonBlank(spec.getApprovalRequiredFor());
    List<RiskRule> rules =
        new ArrayList<>(policy.getRules() == null ? List.of() : policy.getRules());
    legacy.forEach(prefix -> rules.add(new RiskRule(prefix + " *", RiskLevel.Destructive)));
    rules.addAll(defaults.rules());

    List<String> words = words(command);
    RiskLevel level = null;
    String deciding = DEFAULT_RULE;
    for (RiskRule rule : rules) {
      Optional<RiskLevel> matched = match(rule, words);
      if (matched.isPresent() && (level == null || !level.atLeast(matched.get()))) {
        level = matched.get();
        deciding = rule.getMatch();
      }
    }
    if (level == null) {
      level = policy.getDefaultLevel() != null ? policy.getDefaultLevel() : defaults.defaultLevel();
    }
    RiskLevel from =
        policy.getApprovalRequiredFrom() != null
            ? policy.getApprovalRequiredFrom()
            : !legacy.isEmpty() ? RiskLevel.Destructive : defaults.approvalRequiredFrom();
    return new RiskAssessment(level, deciding, from, policy.getApprovalTimeoutSeconds());
  }

  private static Optional<RiskLevel> match(RiskRule rule, List<String> words) {
    if (rule == null || rule.getMatch() == null || rule.getLevel() == null) {
      return Optional.empty();
    }
    try {
      return RiskPattern.parse(rule.getMatch()).matches(words)
          ? Optional.of(rule.getLevel())
          : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of(RiskLevel.Destructive);
    }
  }

  private static List<String> nonBlank(List<String> values) {
    return values == null
        ? List.of()
        : values.stream().filter(v -> v != null && !v.isBlank()).toList();
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
