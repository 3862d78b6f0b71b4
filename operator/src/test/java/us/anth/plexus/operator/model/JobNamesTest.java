package us.anth.plexus.operator.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import us.anth.plexus.api.LabelValues;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.operator.testing.TestTasks;

class JobNamesTest {
  @Test
  void sameTaskAlwaysGetsTheSameName() {
    PlexusTask task = TestTasks.builder().name("eval-1").uid("u-1").build();
    PlexusTask again = TestTasks.builder().name("eval-1").uid("u-1").build();
    assertThat(JobNames.forTask(task)).isEqualTo(JobNames.forTask(again)).startsWith("eval-1-");
  }

  @Test
  void recreatedTaskOfTheSameNameGetsANewName() {
    PlexusTask first = TestTasks.builder().name("eval-1").uid("u-1").build();
    PlexusTask second = TestTasks.builder().name("eval-1").uid("u-2").build();
    assertThat(JobNames.forTask(first)).isNotEqualTo(JobNames.forTask(second));
  }

  @Test
  void longAndDottedNamesBecomeValidDnsLabels() {
    String longName = "a".repeat(200) + ".with.dots";
    String name = JobNames.forTask(TestTasks.builder().name(longName).build());
    assertThat(name).hasSizeLessThanOrEqualTo(63).matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  }

  @Test
  void theRollbackJobNameIsTheTaskJobNameWithRbAndAlwaysValid() {
    PlexusTask task = TestTasks.builder().name("eval-1").uid("u-1").build();
    assertThat(JobNames.forRollback(task)).isEqualTo(JobNames.forTask(task) + "-rb");
    PlexusTask longTask = TestTasks.builder().name("a".repeat(200)).uid("u-1").build();
    String rollback = JobNames.forRollback(longTask);
    String job = JobNames.forTask(longTask);
    assertThat(rollback)
        .hasSizeLessThanOrEqualTo(63)
        .matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?")
        .endsWith(job.substring(job.length() - 8) + "-rb")
        .isNotEqualTo(job);
  }

  @Test
  void labelValuesAreSanitized() {
    assertThat(LabelValues.sanitize("acct/with spaces")).isEqualTo("acct-with-spaces");
    assertThat(LabelValues.sanitize("-x-")).isEqualTo("x");
    assertThat(LabelValues.sanitize("b".repeat(80))).hasSize(63);
    assertThat(LabelValues.sanitize(null)).isEmpty();
  }
}
