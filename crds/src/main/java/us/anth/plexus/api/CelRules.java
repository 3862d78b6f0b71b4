package us.anth.plexus.api;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.regex.Pattern;
import us.anth.plexus.api.target.TargetPattern;

/**
 * Every CEL rule of the CRDs, as the text the {@code @ValidationRule} annotations use, paired with
 * its Java counterpart, so the operator enforces each rule itself where the API server did not
 * (schema not applied, an older CRD). A test fails when a generated CRD holds a rule not listed
 * here. Transition rules (those reading {@code oldSelf}) hold when there is no old object.
 */
public final class CelRules {
  static final String TASK_ID_IMMUTABLE =
      "!has(oldSelf.taskId) || (has(self.taskId) && self.taskId == oldSelf.taskId)";
  static final String TASK_ID_IMMUTABLE_MESSAGE = "taskId is immutable once set";
  static final String ACCOUNT_AND_TYPE_WITHOUT_TASK_ID =
      "has(self.taskId) || (has(self.accountId) && has(self.type))";
  static final String ACCOUNT_AND_TYPE_WITHOUT_TASK_ID_MESSAGE =
      "accountId and type are required when taskId is empty (the operator then creates the Task"
          + " record)";
  static final String COMMAND_TARGET_IMMUTABLE =
      "self.command == oldSelf.command && self.target == oldSelf.target";
  static final String COMMAND_TARGET_IMMUTABLE_MESSAGE =
      "command and target are immutable; create a new task instead";
  static final String CANCEL_FINAL =
      "!has(oldSelf.cancel) || !oldSelf.cancel || (has(self.cancel) && self.cancel)";
  static final String CANCEL_FINAL_MESSAGE = "a cancelled task cannot be un-cancelled";
  static final String APPROVAL_FINAL =
      "!has(oldSelf.approval) || (has(self.approval) && self.approval == oldSelf.approval)";
  static final String APPROVAL_FINAL_MESSAGE =
      "an approval or rejection cannot be changed once given";
  static final String STAGE_NAMES_UNIQUE =
      "!has(self.stages) || self.stages.all(a, self.stages.exists_one(b, b.name == a.name))";
  static final String STAGE_NAMES_UNIQUE_MESSAGE = "stage names must be unique";
  static final String POOL_TARGETS =
      "self.all(p, p.matches('" + PlexusWorkerPoolSpec.PATTERN_REGEX_CEL + "'))";
  static final String POOL_TARGETS_MESSAGE =
      "every target pattern must be '/'-separated segments, each a name, '*' or '[a,b]', the"
          + " last possibly '**', or '*' alone";

  /** A CEL rule on objects of {@code type} and the predicate that decides it in Java. */
  public record Rule<T>(
      Class<T> type, String expression, String message, String field, BiPredicate<T, T> holds) {}

  /** The same regex in Java (TargetPatternCorpusTest keeps the CEL literal equal to it). */
  private static final Pattern POOL_TARGET = Pattern.compile(TargetPattern.REGEX);

  /** All rules, in the order their messages are reported. */
  public static final List<Rule<?>> ALL =
      List.of(
          new Rule<>(
              PlexusTaskSpec.class,
              TASK_ID_IMMUTABLE,
              TASK_ID_IMMUTABLE_MESSAGE,
              "spec",
              (self, old) ->
                  blank(old.getTaskId()) || Objects.equals(self.getTaskId(), old.getTaskId())),
          new Rule<>(
              PlexusTaskSpec.class,
              ACCOUNT_AND_TYPE_WITHOUT_TASK_ID,
              ACCOUNT_AND_TYPE_WITHOUT_TASK_ID_MESSAGE,
              "spec",
              (self, old) ->
                  self.getTaskId() != null
                      || (self.getAccountId() != null && self.getType() != null)),
          new Rule<>(
              PlexusTaskSpec.class,
              COMMAND_TARGET_IMMUTABLE,
              COMMAND_TARGET_IMMUTABLE_MESSAGE,
              "spec",
              (self, old) ->
                  Objects.equals(self.getCommand(), old.getCommand())
                      && Objects.equals(self.getTarget(), old.getTarget())),
          new Rule<>(
              PlexusTaskSpec.class,
              CANCEL_FINAL,
              CANCEL_FINAL_MESSAGE,
              "spec",
              (self, old) -> !old.cancelRequested() || self.cancelRequested()),
          new Rule<>(
              PlexusTaskSpec.class,
              APPROVAL_FINAL,
              APPROVAL_FINAL_MESSAGE,
              "spec",
              (self, old) -> old.getApproval() == null || sameApproval(self, old)),
          new Rule<>(
              PlexusTaskSpec.class,
              STAGE_NAMES_UNIQUE,
              STAGE_NAMES_UNIQUE_MESSAGE,
              "spec",
              (self, old) -> stageNamesUnique(self)),
          new Rule<>(
              PlexusWorkerPoolSpec.class,
              POOL_TARGETS,
              POOL_TARGETS_MESSAGE,
              "spec.targets",
              (self, old) ->
                  self.getTargets() == null
                      || self.getTargets().stream()
                          .allMatch(t -> t != null && POOL_TARGET.matcher(t).matches())));

  private CelRules() {}

  /**
   * The messages of the rules {@code self} breaks, each prefixed by the field the rule sits on, as
   * the API server reports them ({@code spec: Invalid value: "object": <message>}); transition
   * rules are checked only when {@code old} is given.
   */
  public static <T> List<String> violations(T self, T old) {
    return ALL.stream()
        .filter(rule -> rule.type().isInstance(self))
        .filter(rule -> rule.expression().contains("oldSelf") ? old != null : true)
        .filter(rule -> !holds(rule, self, old))
        .map(rule -> rule.field() + ": Invalid value: \"object\": " + rule.message())
        .toList();
  }

  /** True when {@code text} is the rule expression of one of {@link #ALL}. */
  public static boolean covers(String expression) {
    return ALL.stream().anyMatch(rule -> rule.expression().equals(expression));
  }

  @SuppressWarnings("unchecked")
  private static <T> boolean holds(Rule<?> rule, Object self, Object old) {
    return ((Rule<T>) rule).holds().test((T) self, (T) old);
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }

  private static boolean sameApproval(PlexusTaskSpec self, PlexusTaskSpec old) {
    var a = self.getApproval();
    var b = old.getApproval();
    return a != null
        && a.getDecision() == b.getDecision()
        && Objects.equals(a.getUser(), b.getUser())
        && Objects.equals(a.getReason(), b.getReason());
  }

  private static boolean stageNamesUnique(PlexusTaskSpec spec) {
    if (spec.getStages() == null) {
      return true;
    }
    Set<String> seen = new HashSet<>();
    return spec.getStages().stream().allMatch(s -> s == null || seen.add(s.getName()));
  }
}
