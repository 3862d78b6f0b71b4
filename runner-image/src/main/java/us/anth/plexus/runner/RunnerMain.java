package us.anth.plexus.runner;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the runner image: {@code run} serves a task, {@code demo} is a sample command. */
@Command(
    name = "plexus-runner",
    mixinStandardHelpOptions = true,
    subcommands = {RunCommand.class, DemoCommand.class},
    description = "Runs a PlexusTask's command in its Job pod and reports its progress.")
public final class RunnerMain implements Runnable {
  public static void main(String[] args) {
    System.exit(new CommandLine(new RunnerMain()).execute(args));
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.err);
  }
}
