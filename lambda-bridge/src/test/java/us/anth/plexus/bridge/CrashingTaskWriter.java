package us.anth.plexus.bridge;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import us.anth.plexus.api.PlexusTask;

/**
 * A {@link PlexusTaskWriter} whose chosen calls kill the delivery before anything reaches the
 * Kubernetes API, as a Lambda timeout, OOM or pod kill between the claim and the create would; the
 * other calls go to the real writer (test fixture).
 */
public final class CrashingTaskWriter implements PlexusTaskWriter {
  private final PlexusTaskWriter delegate;
  private final Set<Integer> crashingCalls;
  private final AtomicInteger calls = new AtomicInteger();

  private CrashingTaskWriter(PlexusTaskWriter delegate, Set<Integer> crashingCalls) {
    this.delegate = delegate;
    this.crashingCalls = crashingCalls;
  }

  /** Crashes on the given (1-based) calls. */
  public static CrashingTaskWriter crashingOnCalls(PlexusTaskWriter delegate, int... calls) {
    return new CrashingTaskWriter(
        delegate, IntStream.of(calls).boxed().collect(Collectors.toUnmodifiableSet()));
  }

  @Override
  public PlexusTask createOrFind(PlexusTask task) {
    if (crashingCalls.contains(calls.incrementAndGet())) {
      throw new Crash();
    }
    return delegate.createOrFind(task);
  }

  @Override
  public Optional<PlexusTask> find(String namespace, String name) {
    return delegate.find(namespace, name);
  }

  @Override
  public boolean deleteAndWait(PlexusTask task, Duration timeout) {
    return delegate.deleteAndWait(task, timeout);
  }

  /** The process dying: an Error nothing in the bridge catches. */
  public static final class Crash extends Error {
    Crash() {
      super("simulated crash between claim and create");
    }
  }
}
