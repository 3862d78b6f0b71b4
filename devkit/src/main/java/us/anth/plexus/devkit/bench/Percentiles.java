package us.anth.plexus.devkit.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/** Nearest-rank percentiles of measured durations. */
public final class Percentiles {
  private Percentiles() {}

  /** The {@code p}-th percentile (0 < p ≤ 100) of {@code values}; 0 when there are none. */
  public static long of(Collection<Long> values, double p) {
    if (values.isEmpty()) {
      return 0;
    }
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }
}
