package us.anth.plexus.devkit.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import us.anth.plexus.devkit.api.PodLogStore;

/** The local stand-in for a container: bounded output chunks, and no process outlives it. */
class LocalProcessTest {
  private static final long LINE = 300L * 1024 * 1024;

  @Test
  void aThreeHundredMegabyteSingleLineArrivesInBoundedChunks() throws Exception {
    AtomicLong total = new AtomicLong();
    AtomicInteger largest = new AtomicInteger();
    PodLogStore store = new PodLogStore(1 << 20);
    LocalProcess process =
        LocalProcess.start(
            new ProcessSpec(
                List.of("sh", "-c", "head -c " + LINE + " /dev/zero | tr '\\0' x; echo; echo end"),
                Map.of()),
            chunk -> {
              total.addAndGet(chunk.length());
              largest.accumulateAndGet(chunk.length(), Math::max);
              store.append("ns", "pod", chunk);
            });

    assertThat(process.exit().get(120, TimeUnit.SECONDS)).isZero();
    System.out.printf(
        "LocalProcessTest: %d chars in chunks of at most %d; pod log kept %d chars%n",
        total.get(), largest.get(), store.read("ns", "pod").orElseThrow().length());
    assertThat(total.get()).isEqualTo(LINE + "\nend\n".length());
    assertThat(largest.get()).isLessThanOrEqualTo(LocalProcess.CHUNK);
    String log = store.read("ns", "pod").orElseThrow();
    assertThat(log).endsWith("x\nend\n").hasSizeLessThanOrEqualTo(1 << 20);
  }

  @Test
  void aCommandThatIgnoresSigtermIsKilledWithItsGroupAfterTheGrace() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/setsid")), "needs setsid (util-linux)");
    AtomicReference<String> out = new AtomicReference<>("");
    LocalProcess process =
        LocalProcess.start(
            new ProcessSpec(
                List.of("sh", "-c", "(trap '' TERM; exec sleep 300) & echo \"$!\"; wait"),
                Map.of()),
            chunk -> out.updateAndGet(s -> s + chunk));
    long orphan =
        Long.parseLong(
            org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(out::get, s -> s.endsWith("\n"))
                .trim());
    ProcessHandle sleeper = ProcessHandle.of(orphan).orElseThrow();

    long started = System.nanoTime();
    process.terminate(Duration.ofMillis(500));

    assertThat(process.isAlive()).isFalse();
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> !sleeper.isAlive());
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
  }
}
