package us.anth.plexus.devkit.bench;

import java.util.Locale;

/**
 * The options every benchmark main takes from {@code bin/bench}: {@code --n N}, {@code --api
 * embedded|local}, {@code --reps R} and {@code --table} (print a table after the JSON lines).
 */
public record BenchArgs(int n, String api, int reps, boolean table) {

  /** Parses {@code args}; {@code defaultN} applies when {@code --n} is absent. */
  public static BenchArgs parse(String[] args, int defaultN) {
    int n = defaultN;
    String api = "embedded";
    int reps = 1;
    boolean table = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--n" -> n = Integer.parseInt(value(args, ++i));
        case "--api" -> api = value(args, ++i).toLowerCase(Locale.ROOT);
        case "--reps" -> reps = Integer.parseInt(value(args, ++i));
        case "--table" -> table = true;
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (!api.equals("embedded") && !api.equals("local")) {
      throw new IllegalArgumentException("--api must be embedded or local, not " + api);
    }
    if (n < 1 || reps < 1) {
      throw new IllegalArgumentException("--n and --reps must be positive");
    }
    return new BenchArgs(n, api, reps, table);
  }

  /**
   * Fails with one line when the real control plane is asked for: it is not part of this checkout
   * yet (issue 11), so only the in-process API server can be measured.
   */
  public void requireEmbeddedApi() {
    if (api.equals("local")) {
      throw new IllegalStateException(
          "--api local: the local control plane (issue 11) is not available in this checkout;"
              + " use --api embedded");
    }
  }

  private static String value(String[] args, int i) {
    if (i >= args.length) {
      throw new IllegalArgumentException(args[i - 1] + " needs a value");
    }
    return args[i];
  }
}
