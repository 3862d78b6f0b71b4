package us.anth.plexus.operator.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Event;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.devkit.EmbeddedKubeApi;
import us.anth.plexus.operator.OperatorConfig;
import us.anth.plexus.operator.mirror.TaskRecordMirror;
import us.anth.plexus.operator.model.Conditions;
import us.anth.plexus.operator.reconciler.EventRecorder;
import us.anth.plexus.operator.reconciler.PlexusTaskReconciler;
import us.anth.plexus.operator.runtime.OperatorMetrics;
import us.anth.plexus.operator.testing.TestTasks;

/** updateErrorStatus turns an unexpected exception into a readable condition and an Event. */
class ReconcileErrorIT {
  private final EmbeddedKubeApi api = EmbeddedKubeApi.start();

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void unexpectedErrorBecomesReadyFalseWithAOneLineMessageAndAWarning() {
    PlexusTask task =
        api.client()
            .resources(PlexusTask.class)
            .resource(TestTasks.builder().namespace("errs").name("e").buildNew())
            .create();
    OperatorMetrics metrics = new OperatorMetrics();
    EventRecorder events = new EventRecorder(api.client(), metrics);
    PlexusTaskReconciler reconciler =
        new PlexusTaskReconciler(
            api.client(), OperatorConfig.defaults(), TaskRecordMirror.DISABLED, metrics, events);

    ErrorStatusUpdateControl<PlexusTask> control =
        reconciler.updateErrorStatus(
            task, null, new IllegalStateException("API server went away\n\tat x.y(Z.java:1)"));

    assertThat(control.getResource()).isEmpty();
    var stored = api.client().resources(PlexusTask.class).inNamespace("errs").withName("e").get();
    var ready = Conditions.find(stored.getStatus().getConditions(), Conditions.READY).orElseThrow();
    assertThat(ready.getStatus()).isEqualTo("False");
    assertThat(ready.getReason()).isEqualTo("ReconcileError");
    assertThat(ready.getMessage()).isEqualTo("API server went away");
    events.close(); // writes the queued Events
    assertThat(api.client().v1().events().inNamespace("errs").list().getItems())
        .extracting(Event::getReason, Event::getType)
        .contains(org.assertj.core.groups.Tuple.tuple("ReconcileError", "Warning"));
    assertThat(metrics.scrape()).contains("plexus_operator_reconcile_errors_total 1.0");
  }
}
