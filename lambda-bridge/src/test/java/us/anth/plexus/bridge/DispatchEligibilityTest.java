package us.anth.plexus.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DispatchEligibilityTest {
  @Test
  void insertWithPendingDispatchStatusIsDispatched() {
    var item = DashboardTasks.pending().item();
    assertThat(DispatchEligibility.skipReason(new TaskChange("INSERT", null, item))).isEmpty();
  }

  @Test
  void insertNotPendingIsSkipped() {
    var item = DashboardTasks.pending().with("dispatchStatus", "DISPATCHED").item();
    assertThat(DispatchEligibility.skipReason(new TaskChange("INSERT", null, item)))
        .hasValue("inserted with dispatchStatus DISPATCHED");
  }

  @Test
  void modifyToPendingIsDispatchedButPendingToPendingIsNot() {
    var task = DashboardTasks.pending();
    var pending = task.item();
    var failed = task.with("dispatchStatus", "ERROR").item();
    assertThat(DispatchEligibility.skipReason(new TaskChange("MODIFY", failed, pending))).isEmpty();
    assertThat(DispatchEligibility.skipReason(new TaskChange("MODIFY", pending, pending)))
        .hasValue("dispatchStatus was already PENDING");
    assertThat(DispatchEligibility.skipReason(new TaskChange("MODIFY", pending, failed)))
        .hasValue("dispatchStatus is ERROR");
  }

  @Test
  void removeIsSkipped() {
    var item = DashboardTasks.pending().item();
    assertThat(DispatchEligibility.skipReason(new TaskChange("REMOVE", item, null))).isPresent();
  }

  @ParameterizedTest
  @ValueSource(strings = {"local", "console_async_worker"})
  void dispatchModesRunElsewhereAreSkipped(String mode) {
    var item =
        DashboardTasks.pending().with("metadata", "{\"dispatch_mode\":\"" + mode + "\"}").item();
    assertThat(DispatchEligibility.skipReason(new TaskChange("INSERT", null, item)))
        .hasValue("metadata.dispatch_mode is " + mode);
  }

  @Test
  void otherDispatchModesAreDispatched() {
    var item = DashboardTasks.pending().with("metadata", "{\"dispatch_mode\":\"celery\"}").item();
    assertThat(DispatchEligibility.skipReason(new TaskChange("INSERT", null, item))).isEmpty();
  }
}
