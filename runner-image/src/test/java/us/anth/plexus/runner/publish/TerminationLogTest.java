package us.anth.plexus.runner.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import us.anth.plexus.api.StageState;
import us.anth.plexus.api.job.TerminationMessage;

class TerminationLogTest {
  private static final TaskRef TASK = new TaskRef("ns", "t", "id-1");

  @TempDir Path dir;

  @Test
  void theFinalSnapshotIsWrittenAsTheTerminationMessage() throws Exception {
    Path file = dir.resolve("termination-log");
    List<String> log = new ArrayList<>();

    TerminationLog.write(
        file.toString(), TestSnapshots.bare(TASK, 9, StageState.COMPLETED), log::add);

    var state = TerminationMessage.decode(Files.readString(file)).orElseThrow();
    assertThat(state.getStdoutTail()).isNull();
    assertThat(log).isEmpty();
  }

  @Test
  void noPathWritesNothingAndAnUnwritableOneLogsOneLine() {
    List<String> log = new ArrayList<>();
    var last = TestSnapshots.bare(TASK, 9, StageState.FAILED);

    TerminationLog.write("", last, log::add);
    TerminationLog.write(dir.resolve("missing/dir/file").toString(), last, log::add);

    assertThat(log).singleElement().asString().startsWith("termination message not written to ");
  }
}
