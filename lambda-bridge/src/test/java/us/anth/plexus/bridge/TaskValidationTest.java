package us.anth.plexus.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

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
  void malformedTargetCarriesTheGrammarMessage() {
    var task = DashboardTasks.pending().with("target", "training");
    assertThat(TaskValidation.problem(TaskItem.from(task.item())))
        .hasValue(
            "Task "
                + task.id()
                + " cannot be dispatched: target 'training' has 1 segment; expected exactly 2,"
                + " 'domain/subdomain'");
  }

  @Test
  void targetPatternIsNotATaskTarget() {
    var task = DashboardTasks.pending().with("target", "training/*");
    assertThat(TaskValidation.problem(TaskItem.from(task.item())))
        .hasValueSatisfying(m -> assertThat(m).contains("is a pattern"));
  }

  @Test
  void hyphenatedTargetIsValid() {
    var task = DashboardTasks.pending().with("target", "training/gpu-required");
    assertThat(TaskValidation.problem(TaskItem.from(task.item()))).isEmpty();
  }

  @Test
  void missingAccountOrTypeIsNamed() {
    assertThat(
            TaskValidation.problem(
                TaskItem.from(DashboardTasks.pending().with("accountId", null).item())))
        .hasValueSatisfying(m -> assertThat(m).endsWith("accountId is missing"));
    assertThat(
            TaskValidation.problem(TaskItem.from(DashboardTasks.pending().with("type", "").item())))
        .hasValueSatisfying(m -> assertThat(m).endsWith("type is missing"));
  }

  @Test
  void overlongCommandIsRejected() {
    var task = DashboardTasks.pending().with("command", "x".repeat(32769));
    assertThat(TaskValidation.problem(TaskItem.from(task.item())))
        .hasValueSatisfying(
            m -> assertThat(m).endsWith("command is 32769 characters long; the maximum is 32768"));
  }
}
