package us.anth.plexus.operator;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.ConfigurationServiceOverrider;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.javaoperatorsdk.operator.processing.retry.GenericRetry;
import java.time.Duration;
import java.util.Optional;
import us.anth.plexus.operator.mirror.TaskRecordMirror;
import us.anth.plexus.operator.reconciler.EventRecorder;
import us.anth.plexus.operator.reconciler.PlexusTaskReconciler;
import us.anth.plexus.operator.reconciler.PoolReconciler;
import us.anth.plexus.operator.reconciler.TaskUpdateFilter;
import us.anth.plexus.operator.runtime.LeadershipLoss;
import us.anth.plexus.operator.runtime.OperatorMetrics;
import us.anth.plexus.operator.runtime.ReadProblemsCloner;
import us.anth.plexus.operator.runtime.WithoutManagedFields;

/**
 * The Plexus operator, embeddable: {@link #create}, {@link #start()}, {@link #stop()}. The client
 * is never closed by the operator; the caller owns it.
 */
public final class PlexusOperator {
  /** Longest wait between two attempts of a failing reconcile. */
  static final Duration MAX_RETRY_INTERVAL = Duration.ofSeconds(60);

  /** How long a Lease holds without renewal; a follower takes over at most this long after. */
  public static final Duration LEASE_DURATION = Duration.ofSeconds(15);

  /** How long the leader keeps trying to renew before it gives the Lease up (and exits). */
  public static final Duration RENEW_DEADLINE = Duration.ofSeconds(10);

  /** How often a follower tries to take the Lease, and the leader to renew it. */
  public static final Duration RETRY_PERIOD = Duration.ofSeconds(2);

  private final Operator operator;
  private final OperatorMetrics metrics;
  private final LeadershipLoss leadershipLoss;
  private final EventRecorder events;

  private PlexusOperator(
      Operator operator,
      OperatorMetrics metrics,
      LeadershipLoss leadershipLoss,
      EventRecorder events) {
    this.operator = operator;
    this.metrics = metrics;
    this.leadershipLoss = leadershipLoss;
    this.events = events;
  }

  /** An operator for the task reconciler, not yet started. */
  public static PlexusOperator create(
      KubernetesClient client, OperatorConfig config, TaskRecordMirror mirror) {
    OperatorMetrics metrics = new OperatorMetrics();
    LeadershipLoss leadershipLoss = new LeadershipLoss(config.leaderElectionLease(), System::exit);
    EventRecorder events = new EventRecorder(client, metrics);
    Operator operator =
        new Operator(
            overrides ->
                configure(overrides, client, config, leadershipLoss)
                    .withMetrics(metrics.sdkMetrics()));
    operator.register(
        new PlexusTaskReconciler(client, config, mirror, metrics, events),
        controller -> {
          controller
              .withItemStore(new WithoutManagedFields<>())
              .withGenerationAware(false)
              .withOnUpdateFilter(TaskUpdateFilter::accept)
              // A task is never given up on after transient API errors: JOSDK's default stops
              // retrying after 5 attempts, leaving a task without its Job until some other event.
              .withRetry(
                  GenericRetry.defaultLimitedExponentialRetry()
                      .withoutMaxAttempts()
                      .setMaxInterval(MAX_RETRY_INTERVAL.toMillis()));
          if (config.watchesAllNamespaces()) {
            controller.watchingAllNamespaces();
          } else {
            controller.settingNamespaces(config.watchNamespaces());
          }
        });
    operator.register(
        new PoolReconciler(client, events),
        pools -> pools.withItemStore(new WithoutManagedFields<>()));
    return new PlexusOperator(operator, metrics, leadershipLoss, events);
  }

  private static ConfigurationServiceOverrider configure(
      ConfigurationServiceOverrider overrides,
      KubernetesClient client,
      OperatorConfig config,
      LeadershipLoss leadershipLoss) {
    overrides
        .withKubernetesClient(client)
        .withCloseClientOnStop(false)
        .withUseSSAToPatchPrimaryResource(false)
        // Keeps what the tolerant read of each object found (see ReadProblemsCloner).
        .withResourceCloner(new ReadProblemsCloner(client.getKubernetesSerialization()))
        // A broken watch is reconnected with backoff (JOSDK's retrying informer exception
        // handler) instead of JOSDK's default: stop the informer and System.exit(1). /readyz
        // reports the informers' health meanwhile. Seen here: one corrupt watch frame from the
        // in-process API server killed a whole test JVM.
        .withStopOnInformerErrorDuringStartup(false);
    leaderElectionFor(config, leadershipLoss).ifPresent(overrides::withLeaderElectionConfiguration);
    return overrides;
  }

  /**
   * The Lease settings when leader election is on (namespace: configured, else the pod's; holder:
   * the pod name in HOSTNAME). On a lost Lease {@code onStopLeading} exits the process, never JOSDK
   * (see {@link LeadershipLoss}).
   */
  static Optional<LeaderElectionConfiguration> leaderElectionFor(
      OperatorConfig config, Runnable onStopLeading) {
    if (!config.leaderElection()) {
      return Optional.empty();
    }
    String namespace = config.leaderElectionNamespace();
    return Optional.of(
        new LeaderElectionConfiguration(
            config.leaderElectionLease(),
            namespace == null || namespace.isBlank() ? null : namespace,
            LEASE_DURATION,
            RENEW_DEADLINE,
            RETRY_PERIOD,
            null,
            new LeaderCallbacks(() -> {}, onStopLeading, leader -> {}),
            false));
  }

  /** Starts the informers and the reconciler; returns once the caches are synced. */
  public void start() {
    operator.start();
  }

  /**
   * Stops reconciling and closes the informers (not the client); releases a held Lease; writes the
   * Events still queued (see {@link EventRecorder#close()}).
   */
  public void stop() {
    leadershipLoss.stopping();
    operator.stop();
    events.close();
  }

  /** Whether the operator is started and all its informers are healthy. */
  public boolean isReady() {
    return operator.getRuntimeInfo().isStarted()
        && operator.getRuntimeInfo().allEventSourcesAreHealthy();
  }

  /** The operator's metrics (Prometheus text via {@link OperatorMetrics#scrape()}). */
  public OperatorMetrics metrics() {
    return metrics;
  }
}
