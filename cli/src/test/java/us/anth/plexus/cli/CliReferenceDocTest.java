package us.anth.plexus.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import us.anth.plexus.api.docs.GeneratedPage;

/** Fails when docs/reference/cli.md differs from picocli's usage help of every command. */
class CliReferenceDocTest {
  private static final int WIDTH = 100;

  @Test
  void referencePageMatchesTheUsageHelp() throws IOException {
    CommandLine root = PlexusCtl.commandLine(false);
    StringBuilder page =
        new StringBuilder(
            """
            # CLI reference

            Generated from `plexusctl`'s usage help (`CliReferenceDocTest` fails when this page is
            stale; `plexusctl COMMAND --help` prints the same). What the commands do, with
            examples, is in [Dispatching tasks](../user-guide/dispatching.md); `plexusctl dev` in
            [Dev stack](../development/dev-stack.md).
            """);
    section(page, "plexusctl", root);
    root.getSubcommands()
        .forEach(
            (name, sub) -> {
              if (name.equals(sub.getCommandSpec().name())) { // not an alias such as "ls"
                section(page, "plexusctl " + name, sub);
              }
            });
    GeneratedPage.check(
        Path.of("../docs/reference/cli.md"),
        page.toString(),
        "./mvnw -pl cli -am verify -DskipITs -Dtest=CliReferenceDocTest -Dplexus.docs.write=true"
            + " -Dsurefire.failIfNoSpecifiedTests=false");
  }

  private static void section(StringBuilder page, String title, CommandLine command) {
    command.setUsageHelpWidth(WIDTH);
    String usage = command.getUsageMessage(CommandLine.Help.Ansi.OFF).stripTrailing();
    page.append("\n## `").append(title).append("`\n\n```text\n").append(usage).append("\n```\n");
  }
}
