package us.anth.plexus.runner;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import us.anth.plexus.api.command.CommandWords;

/** Builds the child's argv: prefix words + command words, with {@code plexus-runner} = this. */
public final class CommandArgv {
  /** Executable word that means "this runner", started as a child JVM. */
  public static final String SELF = "plexus-runner";

  private CommandArgv() {}

  /**
   * The argv for a prefix and a command.
   *
   * @throws us.anth.plexus.api.command.CommandSyntaxException when either cannot be split
   */
  public static List<String> of(String prefix, String command) {
    return of(prefix, command, new PlexusAttach("never", null));
  }

  /**
   * The argv for a prefix and a command, with {@code --task-id} added as {@code attach} says.
   *
   * @throws us.anth.plexus.api.command.CommandSyntaxException when either cannot be split
   */
  public static List<String> of(String prefix, String command, PlexusAttach attach) {
    List<String> words =
        new ArrayList<>(attach.argv(CommandWords.split(prefix), CommandWords.split(command)));
    if (!words.isEmpty() && words.get(0).equals(SELF)) {
      words.remove(0);
      words.addAll(0, selfCommand());
    }
    return words;
  }

  /**
   * {@code argv} as the runner logs it: its own classpath (thousands of characters in a development
   * checkout) is shown as {@code <runner classpath>}.
   */
  public static List<String> forLog(List<String> argv) {
    String classpath = System.getProperty("java.class.path");
    return argv.stream()
        .map(word -> !classpath.isEmpty() && word.equals(classpath) ? "<runner classpath>" : word)
        .toList();
  }

  /** {@code java -cp <this classpath> us.anth.plexus.runner.RunnerMain}. */
  public static List<String> selfCommand() {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return List.of(
        java,
        "-XX:+UseSerialGC",
        "-XX:TieredStopAtLevel=1",
        "-cp",
        System.getProperty("java.class.path"),
        RunnerMain.class.getName());
  }
}
