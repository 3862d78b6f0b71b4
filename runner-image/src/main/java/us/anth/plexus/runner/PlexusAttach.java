package us.anth.plexus.runner;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import us.anth.plexus.api.settings.RunnerVariables;

/**
 * How a Plexus command attaches to its Task, as Plexus's Celery worker does it
 * (plexus/cli/shared/CommandTasks.py of AnthusAI/Plexus): {@code --task-id <id>} appended to every
 * command but {@code procedure run} and {@code feedback report run-programmatic-block} (unless it
 * already has one), and {@code PLEXUS_DISPATCH_TASK_ID} set for all of them.
 *
 * @param mode {@code auto} (the worker's rule when the executable is {@code plexus}), {@code
 *     always} (the worker's rule for any executable) or {@code never}; from {@value #MODE_ENV}
 */
public record PlexusAttach(String mode, String taskId) {
  /** Runner setting (set by the operator from the pool's taskIdArgument). */
  public static final String MODE_ENV = RunnerVariables.TASK_ID_ARG.name();

  /** What the child process reads, as under Plexus's worker. */
  public static final String DISPATCH_TASK_ID_ENV = "PLEXUS_DISPATCH_TASK_ID";

  /**
   * Reads the mode ({@link RunnerVariables#TASK_ID_ARG}); throws IllegalArgumentException for an
   * unknown one.
   */
  public static PlexusAttach fromEnv(Map<String, String> env, String taskId) {
    String mode = RunnerVariables.TASK_ID_ARG.read(env);
    return new PlexusAttach(mode, taskId == null || taskId.isBlank() ? null : taskId);
  }

  /** {@code argv} (prefix words, then command words) with {@code --task-id} added when due. */
  public List<String> argv(List<String> prefixWords, List<String> commandWords) {
    List<String> argv = new ArrayList<>(prefixWords);
    argv.addAll(commandWords);
    if (taskId != null && appliesTo(prefixWords, commandWords) && takesTaskIdArg(commandWords)) {
      argv.add("--task-id");
      argv.add(taskId);
    }
    return argv;
  }

  /** The variables the child gets: {@value #DISPATCH_TASK_ID_ENV} unless mode is never. */
  public Map<String, String> childEnv() {
    return taskId == null || mode.equals("never") ? Map.of() : Map.of(DISPATCH_TASK_ID_ENV, taskId);
  }

  /**
   * The Task id an attached command finds, as Plexus's CLI reads it: the value after {@code
   * --task-id} in its {@code args}, else {@value #DISPATCH_TASK_ID_ENV} in its {@code env}. (The
   * stand-in {@code plexus} commands of the tests read it so.)
   */
  public static Optional<String> taskIdSeenBy(List<String> args, Map<String, String> env) {
    int flag = args.indexOf("--task-id");
    return flag >= 0 && flag + 1 < args.size()
        ? Optional.of(args.get(flag + 1))
        : Optional.ofNullable(env.get(DISPATCH_TASK_ID_ENV));
  }

  /** Whether the command attaches to its Task at all (it then may report its own progress). */
  public boolean attaches(List<String> prefixWords, List<String> commandWords) {
    return taskId != null && appliesTo(prefixWords, commandWords);
  }

  private boolean appliesTo(List<String> prefixWords, List<String> commandWords) {
    return switch (mode) {
      case "always" -> true;
      case "never" -> false;
      default -> {
        List<String> words = prefixWords.isEmpty() ? commandWords : prefixWords;
        yield !words.isEmpty() && Path.of(words.get(0)).getFileName().toString().equals("plexus");
      }
    };
  }

  /** Plexus's worker rule (_should_append_task_id_arg) on the Plexus command's own words. */
  static boolean takesTaskIdArg(List<String> args) {
    if (args.contains("--task-id")) {
      return false;
    }
    List<String> words =
        args.isEmpty() || !isPlexus(args.get(0)) ? args : args.subList(1, args.size());
    if (words.size() >= 2 && words.get(0).equals("procedure") && words.get(1).equals("run")) {
      return false;
    }
    return !(words.size() >= 3
        && words.get(0).equals("feedback")
        && words.get(1).equals("report")
        && words.get(2).equals("run-programmatic-block"));
  }

  private static boolean isPlexus(String word) {
    return Path.of(word).getFileName().toString().equals("plexus");
  }
}
