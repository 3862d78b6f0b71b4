package us.anth.plexus.devkit.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PodLogStoreTest {
  @Test
  void timestampsAreStrictlyIncreasingAndSinceTimeSelectsFromThere() {
    PodLogStore store = new PodLogStore(1000);
    store.append("ns", "p", "one\ntwo\n");
    store.append("ns", "p", "three\n");

    List<String> stamped =
        store.read("ns", "p", PodLogQuery.parse("timestamps=true")).orElseThrow().lines().toList();
    assertThat(stamped).hasSize(3);
    List<Instant> times = stamped.stream().map(l -> Instant.parse(l.split(" ", 2)[0])).toList();
    assertThat(times).isSorted().doesNotHaveDuplicates();
    assertThat(stamped.get(2)).endsWith(" three");

    String since = "sinceTime=" + times.get(1).toString().replace(":", "%3A");
    assertThat(store.read("ns", "p", PodLogQuery.parse(since))).contains("two\nthree\n");
    assertThat(store.read("ns", "p", PodLogQuery.parse("tailLines=1"))).contains("three\n");
    assertThat(store.read("ns", "p")).contains("one\ntwo\nthree\n");
  }

  @Test
  void keepsOnlyTheNewestWholeLinesWithinTheBudget() {
    PodLogStore store = new PodLogStore(10);
    store.append("ns", "p", "aaaa\n");
    store.append("ns", "p", "bbbb\n");
    store.append("ns", "p", "cccc\n");

    assertThat(store.read("ns", "p")).contains("bbbb\ncccc\n");
    assertThat(store.read("ns", "other")).isEmpty();
  }
}
