package us.anth.plexus.devkit.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints benchmark results: one JSON line per run on stdout as it completes, and on request a table
 * of all runs at the end. Everything else written to stdout (logs of the code under test) goes to
 * stderr once a report exists, so stdout carries only results.
 */
public final class BenchReport {
  private final PrintStream out;
  private final String name;
  private final boolean table;
  private final List<Map<String, Object>> runs = new ArrayList<>();

  /** One repetition of a benchmark: prints its run(s) on {@code report}. */
  @FunctionalInterface
  public interface Repetition {
    void run(BenchArgs args, BenchReport report) throws Exception;
  }

  /**
   * The whole main of a benchmark that runs on the embedded API only: parses the options ({@code
   * defaultN} when {@code --n} is absent), runs {@code --reps} repetitions, prints the table and
   * exits (the in-process servers leave non-daemon threads behind).
   */
  public static void main(String name, String[] args, int defaultN, Repetition repetition)
      throws Exception {
    main(name, args, defaultN, false, repetition);
  }

  /**
   * As {@link #main(String, String[], int, Repetition)}; {@code runsOnLocal}: the benchmark also
   * runs on the real control plane ({@code --api local}).
   */
  public static void main(
      String name, String[] args, int defaultN, boolean runsOnLocal, Repetition repetition)
      throws Exception {
    BenchArgs options = BenchArgs.parse(args, defaultN);
    options.requireApi(runsOnLocal);
    BenchReport report = new BenchReport(name, options);
    for (int rep = 0; rep < options.reps(); rep++) {
      repetition.run(options, report);
    }
    report.finish();
    System.exit(0);
  }

  public BenchReport(String name, BenchArgs args) {
    this.name = name;
    this.table = args.table();
    this.out = System.out;
    System.setOut(System.err);
  }

  /** A new run's fields, printed by {@link #print}. */
  public static Map<String, Object> fields() {
    return new LinkedHashMap<>();
  }

  /** Prints one run as a JSON line (and keeps it for the table). */
  public void print(Map<String, Object> fields) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("bench", name);
    line.putAll(fields);
    runs.add(line);
    StringBuilder json = new StringBuilder("{");
    line.forEach(
        (key, value) -> {
          if (json.length() > 1) {
            json.append(',');
          }
          json.append('"').append(key).append("\":").append(json(value));
        });
    out.println(json.append('}'));
    out.flush();
  }

  /** Prints the table of all runs when {@code --table} was given. */
  public void finish() {
    if (!table || runs.isEmpty()) {
      return;
    }
    List<String> keys = new ArrayList<>(runs.get(0).keySet());
    List<Integer> widths = new ArrayList<>();
    for (String key : keys) {
      int width = key.length();
      for (Map<String, Object> run : runs) {
        width = Math.max(width, text(run.get(key)).length());
      }
      widths.add(width);
    }
    StringBuilder rows = new StringBuilder();
    appendRow(rows, keys, widths);
    for (Map<String, Object> run : runs) {
      appendRow(rows, keys.stream().map(k -> text(run.get(k))).toList(), widths);
    }
    out.print(rows);
    out.flush();
  }

  private static void appendRow(StringBuilder out, List<String> cells, List<Integer> widths) {
    for (int i = 0; i < cells.size(); i++) {
      out.append(String.format(Locale.ROOT, "%-" + widths.get(i) + "s  ", cells.get(i)));
    }
    out.append(System.lineSeparator());
  }

  private static String json(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof Number || value instanceof Boolean) {
      return text(value);
    }
    return '"' + value.toString().replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  private static String text(Object value) {
    if (value instanceof Double || value instanceof Float) {
      return String.format(Locale.ROOT, "%.3f", ((Number) value).doubleValue());
    }
    return String.valueOf(value);
  }
}
