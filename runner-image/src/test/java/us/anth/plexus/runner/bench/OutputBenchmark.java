package us.anth.plexus.runner.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.devkit.EmbeddedKubeApi;
import us.anth.plexus.devkit.bench.BenchReport;
import us.anth.plexus.runner.RunnerProcess;
import us.anth.plexus.runner.TestTasks;

/**
 * {@code bin/bench output [--n MIB] [--reps R]} (a main class, not a test): streams N MiB (default
 * 1,024) through the runner ({@code -Xmx64m}, its own JVM, stdout to /dev/null) and through {@code
 * cat > /dev/null}, once without newlines and once as 60-character lines. Throughput is timed by
 * the command itself (first to last byte written), so JVM start-up is not counted; {@code rss_mb}
 * is the runner's peak resident set (VmHWM; the runner runs with the image's JVM flags), {@code
 * heap_mb} its largest heap before a GC. Extra runner JVM options (a JFR recording, say) can be
 * given in {@code BENCH_RUNNER_JAVA_OPTS}.
 */
public final class OutputBenchmark {
  /** The runner image's JVM flags (jib jvmFlags in runner-image/pom.xml) that bear on memory. */
  static final String IMAGE_JVM_FLAGS = "-XX:-UsePerfData -XX:+UseSerialGC -XX:TieredStopAtLevel=1";

  private static final String LINE = "x".repeat(59);
  private static final Pattern GC_HEAP = Pattern.compile("(\\d+)M->\\d+M\\(\\d+M\\)");

  private OutputBenchmark() {}

  public static void main(String[] args) throws Exception {
    BenchReport.main(
        "output",
        args,
        1024,
        (options, report) -> {
          long bytes = options.n() * 1024L * 1024L;
          Path dir = Files.createTempDirectory("bench-output");
          try (EmbeddedKubeApi api = EmbeddedKubeApi.start()) {
            report.print(run(api, dir, "head -c " + bytes + " /dev/zero", bytes, 0));
            String lines = "yes " + LINE + " | head -c " + bytes;
            report.print(run(api, dir, lines, bytes, bytes / (LINE.length() + 1)));
          }
        });
  }

  private static Map<String, Object> run(
      EmbeddedKubeApi api, Path dir, String producer, long bytes, long lines) throws Exception {
    Path script =
        RunnerProcess.script(
            dir,
            "produce.sh",
            "#!/bin/sh\ndate +%s%N > \"$1\"\n" + producer + "\ndate +%s%N >> \"$1\"\n");
    Path times = dir.resolve("times");
    double catSeconds = seconds(catRun(script, times), times);

    PlexusTask task =
        TestTasks.create(
            api.client(), TestTasks.randomNamespace(), "sh " + script + " " + times, List.of());
    Path gcLog = dir.resolve("gc.log");
    Process runner =
        RunnerProcess.start(
            api.url(),
            task,
            "64m",
            Map.of(
                "JAVA_TOOL_OPTIONS",
                IMAGE_JVM_FLAGS
                    + " -Xlog:gc:file="
                    + gcLog
                    + " "
                    + System.getenv().getOrDefault("BENCH_RUNNER_JAVA_OPTS", "")),
            dir.resolve("runner-stderr.txt"));
    long rssKb = 0;
    while (!runner.waitFor(100, TimeUnit.MILLISECONDS)) {
      rssKb = Math.max(rssKb, peakRssKb(runner.pid()));
    }
    if (runner.exitValue() != 0) {
      throw new IllegalStateException(
          "runner exited "
              + runner.exitValue()
              + ": "
              + Files.readString(dir.resolve("runner-stderr.txt")));
    }
    double runnerSeconds = seconds(0, times);

    double runnerRate = bytes / 1e6 / runnerSeconds;
    double catRate = bytes / 1e6 / catSeconds;
    Map<String, Object> fields = BenchReport.fields();
    fields.put("bytes", bytes);
    fields.put("lines", lines);
    fields.put("heap_mb", peakHeapMb(gcLog));
    fields.put("rss_mb", rssKb / 1024);
    fields.put("runner_mb_s", runnerRate);
    fields.put("cat_mb_s", catRate);
    fields.put("ratio", runnerRate / catRate);
    return fields;
  }

  private static int catRun(Path script, Path times) throws IOException, InterruptedException {
    Process cat =
        new ProcessBuilder("sh", "-c", "sh " + script + " " + times + " | cat > /dev/null")
            .inheritIO()
            .start();
    return cat.waitFor();
  }

  /** The producer's own first-to-last-byte time, from the two stamps it wrote. */
  private static double seconds(int exitCode, Path times) throws IOException {
    if (exitCode != 0) {
      throw new IllegalStateException("the producer failed with exit " + exitCode);
    }
    List<String> stamps = Files.readAllLines(times);
    return (Long.parseLong(stamps.get(1).trim()) - Long.parseLong(stamps.get(0).trim())) / 1e9;
  }

  private static long peakRssKb(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      // the process just ended
    }
    return 0;
  }

  /** The largest heap occupancy before a collection, from the unified GC log (0 = no GC). */
  private static long peakHeapMb(Path gcLog) throws IOException {
    long peak = 0;
    if (Files.exists(gcLog)) {
      Matcher m = GC_HEAP.matcher(Files.readString(gcLog));
      while (m.find()) {
        peak = Math.max(peak, Long.parseLong(m.group(1)));
      }
    }
    return peak;
  }
}
