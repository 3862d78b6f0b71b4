package us.anth.plexus.cli;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import us.anth.plexus.api.PlexusTask;

/** {@code plexusctl list}: the tasks in the namespace (or all, -A), optionally filtered. */
@Command(name = "list", aliases = "ls", description = "List tasks, optionally filtered.")
public final class ListCommand implements Callable<Integer> {
  @ParentCommand PlexusCtl root;

  @Mixin FilterOptions filter;

  @Override
  public Integer call() {
    GlobalOptions global = root.global;
    TaskFilter f = filter.toFilter();
    try (CliContext ctx = CliContext.open(global)) {
      List<PlexusTask> tasks =
          Tasks.list(ctx.client(), global.allNamespaces ? null : ctx.namespace()).stream()
              .filter(f::matches)
              .toList();
      if (!global.human()) {
        System.out.print(global.output().documents(tasks));
      } else if (tasks.isEmpty()) {
        System.out.println(
            global.allNamespaces
                ? "No tasks found."
                : "No tasks found in namespace " + ctx.namespace() + ".");
      } else {
        boolean wide = global.output() == OutputFormat.wide;
        System.out.print(TaskViews.list(tasks, global.allNamespaces, wide, Instant.now()));
      }
      return 0;
    }
  }
}
