package us.anth.plexus.operator.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import us.anth.plexus.api.risk.RiskLevel;
import us.anth.plexus.api.risk.RiskPattern;
import us.anth.plexus.api.risk.RiskRule;
import us.anth.plexus.api.settings.OperatorVariables;

/**
 * The operator's cluster-wide risk settings: rules applied on every pool, the level of unmatched
 * commands and the level from which approval is needed, for pools that do not set their own.
 *
 * @param rules rules applied besides each pool's own
 * @param defaultLevel level of commands no rule matches, on pools without risk.defaultLevel
 * @param approvalRequiredFrom level from which approval is needed; null: never
 */
public record RiskDefaults(
    List<RiskRule> rules, RiskLevel defaultLevel, RiskLevel approvalRequiredFrom) {
  public RiskDefaults {
    rules = List.copyOf(rules);
  }

  /** The built-in defaults: no rules, Modify, approval from Destructive. */
  public static RiskDefaults defaults() {
    return fromEnv(Map.of());
  }

  /** Reads the settings strictly; a bad rule throws IllegalArgumentException naming the setting. */
  public static RiskDefaults fromEnv(Map<String, String> env) {
    String from = OperatorVariables.APPROVAL_REQUIRED_FROM.read(env);
    return new RiskDefaults(
        parseRules(OperatorVariables.RISK_RULES.read(env)),
        RiskLevel.valueOf(OperatorVariables.RISK_DEFAULT_LEVEL.read(env)),
        from.equals("Never") ? null : RiskLevel.valueOf(from));
  }

  /** {@code pattern=Level;pattern=Level}; blank entries are skipped. */
  static List<RiskRule> parseRules(String text) {
    String name = OperatorVariables.RISK_RULES.name();
    List<RiskRule> rules = new ArrayList<>();
    for (String entry : text.split(";")) {
      if (entry.isBlank()) {
        continue;
      }
      int eq = entry.lastIndexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException(
            name + ": '" + entry.trim() + "' is not pattern=ReadOnly|Modify|Destructive");
      }
      String pattern = entry.substring(0, eq).trim();
      String level = entry.substring(eq + 1).trim();
      try {
        RiskPattern.parse(pattern);
        rules.add(new RiskRule(pattern, RiskLevel.valueOf(level)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            name + ": bad rule '" + entry.trim() + "' (" + e.getMessage() + ")", e);
      }
    }
    return rules;
  }
}
