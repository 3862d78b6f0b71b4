package us.anth.plexus.bridge;

import java.util.Optional;
import us.anth.plexus.api.target.InvalidTargetException;
import us.anth.plexus.api.target.Target;

/**
 * Checks a Task has what a PlexusTask needs; the message is what the dashboard shows. Like Plexus's
 * dispatcher, it never asks for accountId or type, and a missing or empty target is {@value
 * Target#DEFAULT}.
 */
public final class TaskValidation {
  /** The PlexusTask CRD's limit on spec.command. */
  public static final int MAX_COMMAND_LENGTH = 32768;

  private TaskValidation() {}

  /** The first problem that keeps the task from being dispatched, or empty. */
  public static Optional<String> problem(TaskItem item) {
    if (blank(item.command())) {
      return Optional.of(
          "Task " + item.id() + " cannot be dispatched: command is missing or empty");
    }
    if (item.command().length() > MAX_COMMAND_LENGTH) {
      return Optional.of(
          "Task "
              + item.id()
              + " cannot be dispatched: command is "
              + item.command().length()
              + " characters long; the maximum is "
              + MAX_COMMAND_LENGTH);
    }
    try {
      Target.orDefault(item.target());
    } catch (InvalidTargetException e) {
      return Optional.of("Task " + item.id() + " cannot be dispatched: " + e.getMessage());
    }
    return Optional.empty();
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
