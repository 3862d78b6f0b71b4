package us.anth.plexus.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TaskValidationTest {
  @Test
  void completeTaskHasNoProblem() {
    assertThat(TaskValidation.problem(TaskItem.from(DashboardTasks.pending().item()))).isEmpty();
  }

  @Test
  void missingOrBlankCommandIsNamed() {
    var task = DashboardTasks.pending().with("command", null);
    assertThat(TaskValidation.problem(TaskItem.from(task.item())))
        .hasValue("Task " + task.id() + " cannot be dispatched: command is missing or empty");
    assertThat(TaskValidation.problem(TaskItem.from(task.with("command", "  ").item())))
        .hasValueSatisfying(m -> assertThat(m).endsWith("command is missing or empty"));
  }

  @Test
  void targetWithAControlCharacterCarriesTheGrammarMessage() {
    var task = DashboardTasks.pending().with("target", "evaluation\naccuracy");
    assertThat(TaskValidation.problem(TaskItem.from(task.item())))
        .hasValue(
            "Task "
                + task.id()
                + " cannot be dispatched: target 'evaluation\\u000Aaccuracy' has the control"
                + " character U+000A at position 10; a target is printable text");
  }

  @Test
  void overlongTargetIsRejected() {
    var task = DashboardTasks.pending().with("target", "e".repeat(1025));
    assertThat(TaskValidation.problem(TaskItem.from(task.item())))
        .hasValueSatisfying(
            m -> assertThat(m).endsWith("is 1025 characters long; the maximum is 1024"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "evaluation",
        "report",
        "",
        "procedure/run/4f1c",
        "evaluation/accuracy/Agent Scorecard",
        "a b/c d/e f/g h",
        "training/gpu-required"
      })
  void whatPlexusWritesIsValid(String target) {
    var task = DashboardTasks.pending().with("target", target);
    assertThat(TaskValidation.problem(TaskItem.from(task.item()))).isEmpty();
  }

  @Test
  void accountAndTypeAreOptionalAsInPlexusDispatcher() {
    var task = DashboardTasks.pending().with("accountId", null).with("type", null);
    assertThat(TaskValidation.problem(TaskItem.from(task.item()))).isEmpty();
  }

  @Test
  void overlongCommandIsRejected() {
    var task = DashboardTasks.pending().with("command", "x".repeat(32769));
    assertThat(TaskValidation.problem(TaskItem.from(task.item())))
        .hasValueSatisfying(
            m -> assertThat(m).endsWith("command is 32769 characters long; the maximum is 32768"));
  }
}
