package us.anth.plexus.operator.runtime;

import java.util.concurrent.ForkJoinPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives CompletableFuture's default executor (the common fork-join pool) several threads. With one
 * or two CPUs the pool's parallelism is 1 and CompletableFuture then starts a new thread for every
 * asynchronous completion; the JDK HTTP client under fabric8 completes every response that way (a
 * JFR recording showed six threads started per task). Call it first in a main, before anything
 * touches CompletableFuture or ForkJoinPool; an explicit setting is left alone.
 */
public final class AsyncPool {
  static final String PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";

  /** Threads of the common pool unless set explicitly. */
  static final int THREADS = 4;

  private static final Logger LOG = LoggerFactory.getLogger(AsyncPool.class);

  private AsyncPool() {}

  /** Sets the common pool's parallelism unless set; warns when it is still 1. */
  public static void configure() {
    if (System.getProperty(PARALLELISM) == null) {
      System.setProperty(
          PARALLELISM,
          Integer.toString(Math.max(THREADS, Runtime.getRuntime().availableProcessors() - 1)));
    }
    if (ForkJoinPool.getCommonPoolParallelism() <= 1) {
      LOG.warn(
          "The common fork-join pool has parallelism {}: every HTTP response will start a thread"
              + " (set -D{} to 2 or more)",
          ForkJoinPool.getCommonPoolParallelism(),
          PARALLELISM);
    }
  }
}
