package us.anth.plexus.runner;

import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import us.anth.plexus.runner.progress.ProgressEvent;
import us.anth.plexus.runner.progress.ProgressEvent.Kind;
import us.anth.plexus.runner.progress.ProgressMarkers;

/**
 * {@code demo}: a sample long operation reporting through the marker protocol: Initialization
 * (setup, no counts, 25% of the time), Processing (the items, 60%), Finalizing (15%).
 */
@Command(name = "demo", description = "Process sample items in three stages, reporting progress.")
public final class DemoCommand implements Callable<Integer> {
  @Option(names = "--items", description = "Items to process (default ${DEFAULT-VALUE}).")
  long items = 2000;

  @Option(names = "--seconds", description = "Total duration (default ${DEFAULT-VALUE}).")
  double seconds = 20;

  @Option(names = "--fail-at", description = "Fail with exit 1 when reaching this item.")
  Long failAt;

  @Override
  public Integer call() {
    long totalNanos = (long) (seconds * 1e9);
    emit(new ProgressEvent(Kind.STAGE, "Initialization", 1, null, null, "Loading configuration"));
    pause(totalNanos * 10 / 100);
    emit(new ProgressEvent(Kind.PROGRESS, "Initialization", null, null, null, "Connecting"));
    pause(totalNanos * 15 / 100);
    emit(new ProgressEvent(Kind.STAGE, "Processing", 2, 0L, items, "Processing items"));
    if (!process(totalNanos * 60 / 100)) {
      return 1;
    }
    emit(new ProgressEvent(Kind.STAGE, "Finalizing", 3, null, null, "Writing results"));
    pause(totalNanos * 15 / 100);
    emit(new ProgressEvent(Kind.OUTPUT, null, null, null, null, "processed " + items + " items"));
    System.out.println("demo finished: " + items + " items");
    return 0;
  }

  private boolean process(long nanos) {
    long start = System.nanoTime();
    for (long item = 1; item <= items; item++) {
      if (failAt != null && item == failAt) {
        String error = "demo failure at item " + item;
        System.err.println("error: " + error);
        emit(new ProgressEvent(Kind.ERROR, null, null, null, null, error));
        return false;
      }
      LockSupport.parkNanos(start + nanos * item / items - System.nanoTime());
      emit(new ProgressEvent(Kind.PROGRESS, "Processing", null, item, items, null));
      if (item % 100 == 0 || item == items) {
        System.out.println("processed item " + item + " of " + items);
      }
    }
    return true;
  }

  private static void emit(ProgressEvent event) {
    System.out.println(ProgressMarkers.format(event));
  }

  private static void pause(long nanos) {
    LockSupport.parkNanos(nanos);
  }
}
