package us.anth.plexus.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.api.PlexusTaskStatus;
import us.anth.plexus.api.TaskPhase;
import us.anth.plexus.bridge.lambda.LambdaFrontEnd;
import us.anth.plexus.bridge.poller.PollerFrontEnd;
import us.anth.plexus.store.StageUpdate;
import us.anth.plexus.store.TaskPhaseUpdate;
import us.anth.plexus.store.TaskRecord;
import us.anth.plexus.store.TaskRecordStore;
import us.anth.plexus.store.TaskStageStore;
import us.anth.plexus.store.TaskStatus;
import us.anth.plexus.store.WriteResult;

/**
 * Plexus's taskDispatcher decision rules (dashboard/amplify/functions/taskDispatcher/index.py of
 * AnthusAI/Plexus) as one table, each row run through both front ends (Lambda handler and stream
 * poller) on DynamoDB Local's real stream and the mock Kubernetes API.
 */
class DispatcherRulesIT {
  @RegisterExtension static final BridgeFixture fixture = new BridgeFixture();

  /** One row: what is written, how many PlexusTasks result, the record's dispatchStatus after. */
  record Rule(
      String name,
      boolean withoutOldImages,
      Consumer<World> steps,
      int plexusTasks,
      String dispatchStatus,
      Consumer<World> more) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Rule> rules() {
    return Stream.of(
        rule(
            "INSERT PENDING is dispatched",
            w -> w.insert(w.task),
            1,
            "DISPATCHED",
            w -> assertThat(w.record().workerNodeId()).isEqualTo(BridgeCore.DISPATCHER_ID)),
        rule(
            "INSERT DISPATCHED is not",
            w -> w.insert(w.task.with("dispatchStatus", "DISPATCHED")),
            0,
            "DISPATCHED",
            w -> {}),
        rule(
            "INSERT without dispatchStatus is not",
            w -> w.insert(w.task.with("dispatchStatus", null)),
            0,
            null,
            w -> {}),
        rule(
            "MODIFY ERROR to PENDING is dispatched",
            w -> {
              w.insert(w.task.with("dispatchStatus", "ERROR"));
              w.set("dispatchStatus", "PENDING");
            },
            1,
            "DISPATCHED",
            w -> {}),
        rule(
            "MODIFY PENDING to PENDING is not",
            w -> {
              w.insert(w.task.with("metadata", "{\"dispatch_mode\":\"local\"}"));
              w.set("metadata", "{}");
            },
            0,
            "PENDING",
            w -> {}),
        rule(
            "MODIFY away from PENDING is not",
            w -> {
              w.insert(w.task.with("metadata", "{\"dispatch_mode\":\"local\"}"));
              w.set(Map.of("metadata", "{}", "dispatchStatus", "ERROR"));
            },
            0,
            "ERROR",
            w -> {}),
        new Rule(
            "MODIFY to PENDING without OldImage is dispatched",
            true,
            w -> {
              w.insert(w.task.with("dispatchStatus", "ERROR"));
              w.set("dispatchStatus", "PENDING");
            },
            1,
            "DISPATCHED",
            w -> {}),
        new Rule(
            "MODIFY without OldImage that is not PENDING is not",
            true,
            w -> {
              w.insert(w.task.with("dispatchStatus", "ERROR"));
              w.set("description", "edited");
            },
            0,
            "ERROR",
            w -> {}),
        rule(
            "claimed by another dispatcher is left alone",
            w -> {
              w.insert(w.task);
              w.set(Map.of("dispatchStatus", "DISPATCHING", "workerNodeId", "lambda:req-1"));
            },
            0,
            "DISPATCHING",
            w -> {
              assertThat(w.record().workerNodeId()).isEqualTo("lambda:req-1");
              assertThat(w.record().status()).isEqualTo("PENDING");
            }),
        rule(
            "a claim of ours left DISPATCHING is resumed",
            w -> {
              w.insert(w.task);
              w.set(
                  Map.of(
                      "dispatchStatus", "DISPATCHING", "workerNodeId", BridgeCore.DISPATCHER_ID));
            },
            1,
            "DISPATCHED",
            w -> {}),
        rule(
            "dispatch_mode local in JSON text is self-managed",
            w -> w.insert(w.task.with("metadata", "{\"dispatch_mode\":\"local\"}")),
            0,
            "PENDING",
            w -> {}),
        rule(
            "dispatch_mode console_async_worker in a map is self-managed",
            w ->
                w.insert(
                    w.task.withValue(
                        "metadata",
                        AttributeValue.fromM(
                            Map.of(
                                "dispatch_mode", AttributeValue.fromS("console_async_worker"))))),
            0,
            "PENDING",
            w -> {}),
        rule(
            "missing target runs as default/command",
            w -> w.insert(w.task.with("target", null)),
            1,
            "DISPATCHED",
            w -> assertThat(w.onlyPlexusTask().getSpec().getTarget()).isEqualTo("default/command")),
        rule(
            "empty target runs as default/command",
            w -> w.insert(w.task.with("target", "")),
            1,
            "DISPATCHED",
            w -> assertThat(w.onlyPlexusTask().getSpec().getTarget()).isEqualTo("default/command")),
        target("evaluation"),
        target("evaluation/accuracy/Agent Scorecard"),
        target("feedback/report/My Block/v 2"),
        rule(
            "missing accountId and type are dispatched",
            w -> w.insert(w.task.with("accountId", null).with("type", null)),
            1,
            "DISPATCHED",
            w -> assertThat(w.onlyPlexusTask().getSpec().getAccountId()).isNull()),
        rule(
            "re-dispatch of a finished task starts a new run whose writes apply",
            w -> {
              w.insert(w.task);
              w.deliver();
              w.finishRun(TaskPhase.Succeeded);
              w.set("dispatchStatus", "PENDING");
            },
            1,
            "DISPATCHED",
            w -> {
              PlexusTask run2 = w.onlyPlexusTask();
              assertThat(PlexusTaskFactory.runOf(run2)).isEqualTo(2);
              assertThat(run2.getStatus()).isNull();
              TaskRecord record = w.record();
              assertThat(record.status()).isEqualTo("PENDING");
              assertThat(record.completedAt()).isNull();
              assertThat(w.stages().listStages(w.task.id())).isEmpty();
              assertThat(
                      w.store()
                          .updatePhase(w.task.id(), TaskPhaseUpdate.to(TaskStatus.RUNNING))
                          .outcome())
                  .isEqualTo(WriteResult.Outcome.APPLIED);
              assertThat(w.record().status()).isEqualTo("RUNNING");
            }),
        rule(
            "re-dispatch while the previous run is active starts nothing",
            w -> {
              w.insert(w.task);
              w.deliver();
              w.finishRun(TaskPhase.Running);
              w.set("dispatchStatus", "PENDING");
            },
            1,
            "DISPATCHED",
            w -> assertThat(PlexusTaskFactory.runOf(w.onlyPlexusTask())).isEqualTo(1)),
        rule(
            "a control character in the target is refused with a message",
            w -> w.insert(w.task.with("target", "evaluation/\u0007")),
            0,
            "ERROR",
            w ->
                assertThat(w.record().errorMessage())
                    .endsWith(
                        "target 'evaluation/\\u0007' has the control character U+0007 at"
                            + " position 11; a target is printable text")),
        rule(
            "a target over 1,024 characters is refused with a message",
            w -> w.insert(w.task.with("target", "e/" + "x".repeat(1023))),
            0,
            "ERROR",
            w ->
                assertThat(w.record().errorMessage())
                    .endsWith("is 1025 characters long; the maximum is 1024")));
  }

  static Stream<Arguments> rulesThroughBothFrontEnds() {
    return rules().flatMap(r -> Stream.of(Arguments.of("lambda", r), Arguments.of("poller", r)));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("rulesThroughBothFrontEnds")
  void followsPlexusDispatcherRules(String frontEnd, Rule rule) {
    BridgeFixture.Table table =
        rule.withoutOldImages() ? fixture.newTableWithoutOldImages() : fixture.newTable();
    String namespace = "rules-" + UUID.randomUUID().toString().substring(0, 8);
    BridgeConfig config = new BridgeConfig(NamespaceMapping.parse("", namespace), 4);
    try (StreamFrontEnd bridge =
        frontEnd.equals("lambda")
            ? new LambdaFrontEnd(fixture, table, config)
            : new PollerFrontEnd(fixture, table, config, namespace)) {
      World world = new World(table, namespace, bridge);

      rule.steps().accept(world);
      world.deliver();

      assertThat(table.plexusTasks(namespace, world.task.id())).hasSize(rule.plexusTasks());
      assertThat(world.record().dispatchStatus()).isEqualTo(rule.dispatchStatus());
      rule.more().accept(world);
    }
  }

  private static Rule rule(
      String name, Consumer<World> steps, int tasks, String dispatch, Consumer<World> more) {
    return new Rule(name, false, steps, tasks, dispatch, more);
  }

  private static Rule target(String target) {
    return rule(
        target.split("/").length + "-segment target '" + target + "' runs as written",
        w -> w.insert(w.task.with("target", target)),
        1,
        "DISPATCHED",
        w -> assertThat(w.onlyPlexusTask().getSpec().getTarget()).isEqualTo(target));
  }

  /** What a row's steps and checks work on: one task, its table, the front end under test. */
  static final class World {
    final DashboardTasks task = DashboardTasks.pending();
    private final BridgeFixture.Table table;
    private final String namespace;
    private final StreamFrontEnd bridge;

    World(BridgeFixture.Table table, String namespace, StreamFrontEnd bridge) {
      this.table = table;
      this.namespace = namespace;
      this.bridge = bridge;
    }

    void insert(DashboardTasks item) {
      table.insert(item);
    }

    void set(String attribute, String value) {
      table.set(task.id(), attribute, value);
    }

    void set(Map<String, String> attributes) {
      table.set(task.id(), attributes);
    }

    void deliver() {
      bridge.deliverNew();
    }

    TaskRecord record() {
      return table.record(task.id());
    }

    TaskRecordStore store() {
      return new TaskRecordStore(fixture.dynamo(), table.settings());
    }

    TaskStageStore stages() {
      return new TaskStageStore(fixture.dynamo(), table.settings());
    }

    PlexusTask onlyPlexusTask() {
      List<PlexusTask> tasks = table.plexusTasks(namespace, task.id());
      assertThat(tasks).hasSize(1);
      return tasks.get(0);
    }

    /** The operator and runner of the current run got the task to {@code phase}. */
    void finishRun(TaskPhase phase) {
      PlexusTask current = onlyPlexusTask();
      PlexusTaskStatus status = new PlexusTaskStatus();
      status.setPhase(phase);
      PlexusTask patched = new PlexusTask();
      patched.setMetadata(
          new ObjectMeta() {
            {
              setName(current.getMetadata().getName());
              setNamespace(namespace);
            }
          });
      patched.setStatus(status);
      fixture.kube().resources(PlexusTask.class).resource(patched).patchStatus();
      if (phase.isFinal()) {
        stages().upsert(StageUpdate.of(task.id(), "Processing", 1, TaskStatus.COMPLETED, 5));
        store()
            .updatePhase(
                task.id(), TaskPhaseUpdate.to(TaskStatus.COMPLETED).completedAt(Instant.now()));
      }
    }
  }
}
