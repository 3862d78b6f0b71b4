package us.anth.plexus.runner.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import us.anth.plexus.api.StageDeclaration;
import us.anth.plexus.api.StageState;
import us.anth.plexus.runner.MutableClock;

class ProgressTrackerTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private final MutableClock clock = new MutableClock(T0);
  private final List<Boolean> changes = new ArrayList<>();
  private final ProgressTracker tracker =
      new ProgressTracker(
          List.of(
              new StageDeclaration("Initialization", 1, null),
              new StageDeclaration("Processing", 2, 2000L),
              new StageDeclaration("Finalizing", 3, null)),
          clock,
          changes::add);

  @Test
  void declaredStagesStartPendingInOrder() {
    assertThat(tracker.view().stages())
        .extracting(StageSnapshot::name, StageSnapshot::order, StageSnapshot::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Initialization", 1, StageState.PENDING),
            org.assertj.core.groups.Tuple.tuple("Processing", 2, StageState.PENDING),
            org.assertj.core.groups.Tuple.tuple("Finalizing", 3, StageState.PENDING));
    assertThat(tracker.view().status()).isEqualTo(StageState.RUNNING);
  }

  @Test
  void startingAStageCompletesTheRunningOneAndIsCritical() {
    tracker.startStage("Initialization", null, null, "Loading");
    clock.advance(Duration.ofSeconds(5));
    tracker.startStage("Processing", null, null, null);

    ProgressView view = tracker.view();
    assertThat(view.currentStage()).isEqualTo("Processing");
    assertThat(stage(view, "Initialization").status()).isEqualTo(StageState.COMPLETED);
    assertThat(stage(view, "Initialization").processedItems()).isNull();
    assertThat(stage(view, "Initialization").completedAt()).isEqualTo(T0.plusSeconds(5));
    assertThat(stage(view, "Processing").status()).isEqualTo(StageState.RUNNING);
    assertThat(stage(view, "Processing").totalItems()).isEqualTo(2000L);
    assertThat(changes).containsExactly(true, true);
  }

  @Test
  void countsAreClampedAndRateIsItemsPerSecondSinceTheStageStarted() {
    tracker.startStage("Processing", null, null, null);
    clock.advance(Duration.ofSeconds(10));
    tracker.progress(null, 500L, null, "half way there");
    assertThat(stage(tracker.view(), "Processing").itemsPerSecond()).isEqualTo(50.0);
    assertThat(tracker.view().progress()).isEqualTo("500/2000 (25%)");
    assertThat(stage(tracker.view(), "Processing").statusMessage()).isEqualTo("half way there");

    tracker.progress(null, 5000L, null, null);
    assertThat(stage(tracker.view(), "Processing").processedItems()).isEqualTo(2000L);
    tracker.progress(null, -3L, null, null);
    assertThat(stage(tracker.view(), "Processing").processedItems()).isZero();
    assertThat(changes).containsExactly(true, false, false, false);
  }

  @Test
  void etaAppearsOnlyOnceTheStageIsTenPercentDone() {
    tracker.startStage("Processing", null, null, null);
    clock.advance(Duration.ofSeconds(10));
    tracker.progress(null, 199L, null, null);
    assertThat(stage(tracker.view(), "Processing").estimatedCompletionAt()).isNull();
    assertThat(tracker.view().estimatedCompletionAt()).isNull();

    tracker.progress(null, 200L, null, null);
    Instant expected = T0.plusSeconds(100);
    assertThat(stage(tracker.view(), "Processing").estimatedCompletionAt()).isEqualTo(expected);
    assertThat(tracker.view().estimatedCompletionAt()).isEqualTo(expected);
  }

  @Test
  void progressWithoutAStageStartsTheFirstPendingOne() {
    tracker.progress(null, 3L, 10L, null);
    assertThat(tracker.view().currentStage()).isEqualTo("Initialization");
    assertThat(stage(tracker.view(), "Initialization").totalItems()).isEqualTo(10L);
  }

  @Test
  void undeclaredStagesAreAddedAfterTheDeclaredOnes() {
    tracker.startStage("Uploading", null, 4L, null);
    assertThat(tracker.view().stages())
        .extracting(StageSnapshot::name)
        .containsExactly("Initialization", "Processing", "Finalizing", "Uploading");
    assertThat(stage(tracker.view(), "Uploading").order()).isEqualTo(4);
  }

  @Test
  void failureMarksTheRunningStageFailedWithTheError() {
    tracker.startStage("Processing", null, null, null);
    tracker.progress(null, 120L, null, null);
    tracker.fail("boom");
    ProgressView view = tracker.view();
    assertThat(view.status()).isEqualTo(StageState.FAILED);
    assertThat(stage(view, "Processing").status()).isEqualTo(StageState.FAILED);
    assertThat(stage(view, "Processing").statusMessage()).isEqualTo("Error: boom");
    assertThat(stage(view, "Processing").processedItems()).isEqualTo(120L);
    assertThat(stage(view, "Finalizing").status()).isEqualTo(StageState.PENDING);
    assertThat(view.progress()).isEqualTo("120/2000 (6%)");
  }

  @Test
  void successCompletesEveryStageWithProcessedEqualToTotal() {
    tracker.startStage("Processing", null, null, null);
    tracker.progress(null, 120L, null, null);
    clock.advance(Duration.ofSeconds(3));
    tracker.succeed();
    ProgressView view = tracker.view();
    assertThat(view.status()).isEqualTo(StageState.COMPLETED);
    assertThat(view.stages())
        .allSatisfy(s -> assertThat(s.status()).isEqualTo(StageState.COMPLETED));
    assertThat(stage(view, "Processing").processedItems()).isEqualTo(2000L);
    assertThat(view.estimatedCompletionAt()).isEqualTo(T0.plusSeconds(3));
  }

  @Test
  void eventsFromTheProtocolDriveTheSameModel() {
    tracker.apply(new ProgressEvent(ProgressEvent.Kind.STAGE, "Processing", null, null, 10L, "go"));
    tracker.apply(new ProgressEvent(ProgressEvent.Kind.PROGRESS, null, null, 4L, null, null));
    tracker.apply(new ProgressEvent(ProgressEvent.Kind.ERROR, null, null, null, null, "bad row"));
    tracker.apply(
        new ProgressEvent(ProgressEvent.Kind.OUTPUT, null, null, null, null, "{\"a\":1}"));
    tracker.apply(
        new ProgressEvent(ProgressEvent.Kind.COMPLETE, "Processing", null, null, null, null));
    ProgressView view = tracker.view();
    assertThat(stage(view, "Processing").status()).isEqualTo(StageState.COMPLETED);
    assertThat(stage(view, "Processing").processedItems()).isEqualTo(10L);
    assertThat(view.reportedError()).isEqualTo("bad row");
    assertThat(view.output()).isEqualTo("{\"a\":1}");
  }

  private static StageSnapshot stage(ProgressView view, String name) {
    return view.stages().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
  }
}
