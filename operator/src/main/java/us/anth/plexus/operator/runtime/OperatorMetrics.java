package us.anth.plexus.operator.runtime;

import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.function.Supplier;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.api.TaskPhase;

/**
 * The operator's Prometheus metrics: reconciles, errors, Jobs created and tasks by phase, plus
 * JOSDK's own controller metrics on the same registry.
 */
public final class OperatorMetrics {
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Counter reconciles;
  private final Counter errors;
  private final Counter jobsCreated;
  private final Counter eventsDropped;
  private volatile Supplier<List<PlexusTask>> tasks = List::of;

  public OperatorMetrics() {
    reconciles =
        Counter.builder("plexus_operator_reconciles")
            .description("Task reconciles run")
            .register(registry);
    errors =
        Counter.builder("plexus_operator_reconcile_errors")
            .description("Task reconciles that threw")
            .register(registry);
    jobsCreated =
        Counter.builder("plexus_operator_job_creations")
            .description("Jobs created for tasks")
            .register(registry);
    eventsDropped =
        Counter.builder("plexus_operator_events_dropped")
            .description("Kubernetes Events dropped because the recorder's queue was full")
            .register(registry);
    for (TaskPhase phase : TaskPhase.values()) {
      Gauge.builder("plexus_operator_tasks", () -> count(phase))
          .description("Tasks in the operator's cache, by phase")
          .tag("phase", phase.name())
          .register(registry);
    }
  }

  /** Where the tasks-by-phase gauge reads the tasks from. */
  public void bindTasks(Supplier<List<PlexusTask>> tasks) {
    this.tasks = tasks;
  }

  public void reconciled() {
    reconciles.increment();
  }

  public void reconcileFailed() {
    errors.increment();
  }

  public void jobCreated() {
    jobsCreated.increment();
  }

  /** Counts an Event not recorded (queue full); returns the count so far. */
  public double eventDropped() {
    eventsDropped.increment();
    return eventsDropped.count();
  }

  /** Events dropped so far by this operator instance. */
  public double eventsDropped() {
    return eventsDropped.count();
  }

  /** Total task reconciles run by this operator instance. */
  public double reconciles() {
    return reconciles.count();
  }

  /** Total Jobs created by this operator instance. */
  public double jobsCreated() {
    return jobsCreated.count();
  }

  /** The registry, shared with JOSDK's own metrics ({@link #sdkMetrics()}). */
  public MeterRegistry registry() {
    return registry;
  }

  /**
   * JOSDK's Micrometer metrics on the same registry: reconcile executions and their duration,
   * retries, failures, events received and resources cached per controller (not per resource, to
   * keep the number of time series bounded).
   */
  public Metrics sdkMetrics() {
    return MicrometerMetrics.withoutPerResourceMetrics(registry);
  }

  /** The Prometheus text exposition of every metric. */
  public String scrape() {
    return registry.scrape();
  }

  private double count(TaskPhase phase) {
    return tasks.get().stream()
        .filter(
            t ->
                t.getStatus() != null
                    && (t.getStatus().getPhase() == null
                            ? TaskPhase.Pending
                            : t.getStatus().getPhase())
                        == phase)
        .count();
  }
}
