package us.anth.plexus.operator.runtime;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an operator does when it stops leading: after its own {@link #stopping() stop} (SIGTERM, the
 * lease released) nothing; when the Lease was lost (not renewed within the renew deadline, taken
 * over) it exits with status {@value #EXIT_STATUS} on a thread of its own, so Kubernetes restarts
 * the pod as a follower and a former leader never reconciles next to the new one. JOSDK's own exit
 * is off: it calls {@code System.exit} on the thread that cancels the election, which during a
 * SIGTERM is the shutdown hook, where {@code System.exit} blocks for ever.
 */
public final class LeadershipLoss implements Runnable {
  /** The exit status after a lost Lease. */
  public static final int EXIT_STATUS = 1;

  private static final Logger LOG = LoggerFactory.getLogger(LeadershipLoss.class);

  private final String lease;
  private final IntConsumer exit;
  private final AtomicBoolean stopping = new AtomicBoolean();

  /** Exits the JVM through {@code exit} (production: {@code System::exit}) on a lost Lease. */
  public LeadershipLoss(String lease, IntConsumer exit) {
    this.lease = lease;
    this.exit = exit;
  }

  /** Marks the operator as stopping: the lease released from here on is not a loss. */
  public void stopping() {
    stopping.set(true);
  }

  /** The leader callback: JOSDK and fabric8 call it when this operator stops leading. */
  @Override
  public void run() {
    if (stopping.get()) {
      LOG.info("Released the leader Lease {} on stop", lease);
      return;
    }
    LOG.error(
        "Lost the leader Lease {} (not renewed in time, or taken over): exiting with status {} so"
            + " that this pod restarts as a follower",
        lease,
        EXIT_STATUS);
    Thread exiting = new Thread(() -> exit.accept(EXIT_STATUS), "leadership-lost-exit");
    exiting.setDaemon(true);
    exiting.start();
  }
}
