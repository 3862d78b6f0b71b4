package us.anth.plexus.devkit.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints benchmark results: one JSON line per run on stdout as it completes, and on request a table
 * of all runs at the end. Field order is the order of {@link #add}.
 */
public final class BenchReport {
  private final String name;
  private final boolean table;
  private final List<Map<String, Object>> runs = new ArrayList<>();

  public BenchReport(String name, BenchArgs args) {
    this.name = name;
    this.table = args.table();
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
    System.out.println(json.append('}'));
    System.out.flush();
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
    StringBuilder out = new StringBuilder();
    appendRow(out, keys, widths);
    for (Map<String, Object> run : runs) {
      appendRow(out, keys.stream().map(k -> text(run.get(k))).toList(), widths);
    }
    System.out.print(out);
    System.out.flush();
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
