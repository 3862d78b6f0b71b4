package us.anth.plexus.runner.process;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Ends a process and all its descendants: SIGTERM to each, then SIGKILL to whatever is still alive
 * after the grace period. (Java cannot create a process group without a shell, so the tree is
 * walked instead.)
 */
public final class ProcessTree {
  private static final Duration KILL_WAIT = Duration.ofSeconds(2);

  private ProcessTree() {}

  /** Terminates {@code root}'s tree; returns true when it had to SIGKILL something. */
  public static boolean terminate(ProcessHandle root, Duration grace) {
    Set<ProcessHandle> tree = members(root, new LinkedHashSet<>());
    tree.forEach(ProcessHandle::destroy);
    long deadline = System.nanoTime() + grace.toNanos();
    while (System.nanoTime() < deadline && anyAlive(members(root, tree))) {
      sleep();
    }
    boolean killed = false;
    for (ProcessHandle process : members(root, tree)) {
      if (process.isAlive()) {
        process.destroyForcibly();
        killed = true;
      }
    }
    long reaped = System.nanoTime() + KILL_WAIT.toNanos();
    while (killed && System.nanoTime() < reaped && anyAlive(tree)) {
      sleep();
    }
    return killed;
  }

  private static Set<ProcessHandle> members(ProcessHandle root, Set<ProcessHandle> known) {
    known.add(root);
    if (root.isAlive()) {
      root.descendants().forEach(known::add);
    }
    return known;
  }

  private static boolean anyAlive(Set<ProcessHandle> tree) {
    return tree.stream().anyMatch(ProcessHandle::isAlive);
  }

  private static void sleep() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
