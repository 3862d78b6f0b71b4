package us.anth.plexus.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import us.anth.plexus.api.PlexusTask;

/** {@code plexusctl list}: the tasks in the namespace, optionally filtered. */
@Command(name = "list", aliases = "ls", description = "List tasks, optionally filtered.")
public final class ListCommand implements Callable<Integer> {
  @Mixin GlobalOptions global;
  @Mixin FilterOptions filter;

  @Override
  public Integer call() {
    try (CliContext ctx = CliContext.open(global)) {
      TaskFilter f = filter.toFilter();
      List<PlexusTask> tasks =
          Tasks.list(ctx.client(), ctx.namespace()).stream().filter(f::matches).toList();
      if (global.output() != OutputFormat.table) {
        System.out.print(global.output().document(tasks));
      } else if (tasks.isEmpty()) {
        System.out.println("No tasks found in namespace " + ctx.namespace() + ".");
      } else {
        System.out.print(TaskViews.list(tasks));
      }
      return 0;
    }
  }
}
