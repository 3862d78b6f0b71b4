package us.anth.plexus.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import us.anth.plexus.api.PlexusTask;

/**
 * Deletes tasks concurrently: each is annotated with who deletes it, deleted, awaited until the
 * operator's finalizer let it go (polled, so a deletion that completes before any watch starts is
 * still seen), and only then its DynamoDB records are deleted, so none is orphaned and none is
 * deleted while the operator may still write it. Reports one line per task, or a progress line
 * redrawn in place on a terminal.
 */
final class TaskDeleter {
  /** Deletions in flight at once. */
  static final int PARALLEL = 8;

  private static final Duration POLL = Duration.ofMillis(100);

  private final KubernetesClient client;
  private final Optional<CliContext.Stores> stores;
  private final String user;
  private final Duration finalizerTimeout;

  TaskDeleter(
      KubernetesClient client,
      Optional<CliContext.Stores> stores,
      String user,
      Duration finalizerTimeout) {
    this.client = client;
    this.stores = stores;
    this.user = user;
    this.finalizerTimeout = finalizerTimeout;
  }

  /** What happened to one task: null error when it and its records are gone. */
  record Outcome(PlexusTask task, String error) {
    String line() {
      String id = task.getSpec() == null ? null : task.getSpec().getTaskId();
      String what = "task/" + task.getMetadata().getName() + (id == null ? "" : " (id " + id + ")");
      return error == null ? "deleted " + what : "error: " + what + ": " + error;
    }
  }

  /** Deletes every task; returns how many failed. */
  int deleteAll(List<PlexusTask> tasks, PrintStream out, boolean progressInPlace)
      throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(PARALLEL, tasks.size()));
    try {
      CompletionService<Outcome> done = new ExecutorCompletionService<>(pool);
      tasks.forEach(t -> done.submit(() -> deleteOne(t)));
      List<Outcome> failed = new ArrayList<>();
      for (int finished = 1; finished <= tasks.size(); finished++) {
        Outcome outcome = result(done);
        if (outcome.error() != null) {
          failed.add(outcome);
        }
        if (progressInPlace) {
          out.print("\r\u001b[2Kdeleting: " + finished + "/" + tasks.size() + " done");
        } else {
          out.println(outcome.line());
        }
        out.flush();
      }
      if (progressInPlace) {
        out.print("\r\u001b[2K");
        failed.forEach(f -> out.println(f.line()));
      }
      out.println("deleted " + (tasks.size() - failed.size()) + "/" + tasks.size() + " task(s)");
      return failed.size();
    } finally {
      pool.shutdownNow();
    }
  }

  private static Outcome result(CompletionService<Outcome> done) throws InterruptedException {
    try {
      return done.take().get();
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  Outcome deleteOne(PlexusTask task) {
    try {
      var resource =
          Tasks.api(client)
              .inNamespace(task.getMetadata().getNamespace())
              .withName(task.getMetadata().getName());
      if (Tasks.annotate(client, task, DeleteCommand.DELETED_BY, user)) {
        resource.delete();
        if (!awaitGone(resource)) {
          return new Outcome(
              task,
              "still terminating after "
                  + finalizerTimeout.toSeconds()
                  + "s (the operator holds its finalizer until the task's record is written: is"
                  + " the operator running and DynamoDB reachable from it?); its records were"
                  + " kept");
        }
      }
      String id = task.getSpec() == null ? null : task.getSpec().getTaskId();
      stores.filter(s -> id != null && !id.isBlank()).ifPresent(s -> s.tasks().deleteTask(id));
      return new Outcome(task, null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Outcome(task, "interrupted");
    } catch (RuntimeException e) {
      return new Outcome(task, PlexusCtl.oneLine(e));
    }
  }

  private boolean awaitGone(io.fabric8.kubernetes.client.dsl.Resource<PlexusTask> resource)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(finalizerTimeout);
    while (resource.get() != null) {
      if (Instant.now().isAfter(deadline)) {
        return false;
      }
      Thread.sleep(POLL.toMillis());
    }
    return true;
  }
}
