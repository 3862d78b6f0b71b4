package us.anth.plexus.devkit.bench;

import java.util.Locale;
import us.anth.plexus.devkit.cluster.KubeLocalBinary;

/**
 * The options every benchmark main takes from {@code bin/bench}: {@code --n N}, {@code --api
 * embedded|local}, {@code --reps R} and {@code --table} (print a table after the JSON lines).
 */
public record BenchArgs(int n, String api, int reps, boolean table) {

  /**
   * Parses {@code args} ({@code defaultN} applies when {@code --n} is absent); on bad options
   * prints one line and exits with 2.
   */
  public static BenchArgs parse(String[] args, int defaultN) {
    try {
      return parseStrictly(args, defaultN);
    } catch (IllegalArgumentException e) {
      return exit(e.getMessage());
    }
  }

  static BenchArgs parseStrictly(String[] args, int defaultN) {
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
   * Exits with one line and status 2 when the real control plane is asked for by a benchmark that
   * does not run on it, or when its binary is missing (the line says why).
   */
  public void requireApi(boolean runsOnLocal) {
    if (!api.equals("local")) {
      return;
    }
    KubeLocalBinary binary = KubeLocalBinary.find();
    if (binary.path().isEmpty()) {
      exit("--api local: the local control plane is not available: " + binary.reason());
    } else if (!runsOnLocal) {
      exit("--api local: this benchmark runs on the embedded API only (it measures no operator)");
    }
  }

  private static BenchArgs exit(String line) {
    System.err.println("bench: " + line);
    System.exit(2);
    return null;
  }

  private static String value(String[] args, int i) {
    if (i >= args.length) {
      throw new IllegalArgumentException(args[i - 1] + " needs a value");
    }
    return args[i];
  }
}
