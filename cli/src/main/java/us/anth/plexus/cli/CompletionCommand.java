package us.anth.plexus.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code plexusctl completion bash|zsh}: prints the shell completion script picocli generates from
 * the command tree (the same script serves zsh through its own bashcompinit branch).
 */
@Command(
    name = "completion",
    description = {
      "Print a shell completion script.",
      "bash: source <(plexusctl completion bash)",
      "zsh:  source <(plexusctl completion zsh)"
    })
public final class CompletionCommand implements Callable<Integer> {
  /** The shells the generated script supports. */
  enum Shell {
    bash,
    zsh
  }

  @Parameters(paramLabel = "SHELL", description = "${COMPLETION-CANDIDATES}")
  Shell shell;

  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    CommandLine root = spec.root().commandLine();
    // One script for both shells: under zsh it loads compinit and bashcompinit itself.
    // Named plexusctl also when run as the kubectl plugin: the script defines a shell function.
    System.out.print(AutoComplete.bash(PlexusCtl.NAME, root));
    return 0;
  }
}
