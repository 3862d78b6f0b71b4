package us.anth.plexus.devkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import us.anth.plexus.store.DynamoClients;
import us.anth.plexus.store.NewTask;
import us.anth.plexus.store.TaskPhaseUpdate;
import us.anth.plexus.store.TaskRecordStore;
import us.anth.plexus.store.TaskStatus;
import us.anth.plexus.store.TaskStoreUnavailableException;
import us.anth.plexus.store.WriteResult;

/** DynamoDB Local stopped mid-task: mirror writes report it, retries carry across short gaps. */
class DynamoOutageIT {
  private final EmbeddedDynamo dynamo = EmbeddedDynamo.start();

  @AfterEach
  void close() {
    dynamo.close();
  }

  @Test
  void aMirrorWriteDuringAnOutageIsReportedNotThrownAndTheNextOneLands() {
    TaskRecordStore store = store(3, Duration.ofMillis(20));
    String id = store.createTask(NewTask.of("acct-1", "demo", "demo/x", "demo"));

    dynamo.stop();
    WriteResult during = store.updatePhase(id, TaskPhaseUpdate.to(TaskStatus.RUNNING));
    dynamo.restart();
    WriteResult after =
        store.updatePhase(id, TaskPhaseUpdate.to(TaskStatus.COMPLETED).completedAt(Instant.now()));

    assertThat(during.outcome()).isEqualTo(WriteResult.Outcome.UNAVAILABLE);
    assertThat(during.synced()).isFalse();
    assertThat(during.error()).isNotBlank().doesNotContain("\n");
    assertThat(after.outcome()).isEqualTo(WriteResult.Outcome.APPLIED);
    assertThat(store.find(id).orElseThrow().status()).isEqualTo("COMPLETED");
  }

  @Test
  void theClientsRetriesCarryAWriteAcrossAShortOutage() throws Exception {
    TaskRecordStore store = store(40, Duration.ofMillis(250));
    String id = store.createTask(NewTask.of("acct-1", "demo", "demo/x", "demo"));

    dynamo.stop();
    CompletableFuture<Void> restart =
        CompletableFuture.runAsync(
            dynamo::restart, CompletableFuture.delayedExecutor(800, TimeUnit.MILLISECONDS));
    WriteResult result = store.updatePhase(id, TaskPhaseUpdate.to(TaskStatus.RUNNING));
    restart.get(30, TimeUnit.SECONDS);

    assertThat(result.outcome()).isEqualTo(WriteResult.Outcome.APPLIED);
    assertThat(store.find(id).orElseThrow().status()).isEqualTo("RUNNING");
  }

  @Test
  void dispatchCallsThrowWhenTheStoreIsDownSoTheBridgeRetriesTheRecord() {
    TaskRecordStore store = store(2, Duration.ofMillis(20));
    String id = store.createTask(NewTask.of("acct-1", "demo", "demo/x", "demo"));

    dynamo.stop();

    assertThatThrownBy(() -> store.claimForDispatch(id, "test-dispatcher"))
        .isInstanceOf(TaskStoreUnavailableException.class);
    assertThatThrownBy(() -> store.find(id)).isInstanceOf(TaskStoreUnavailableException.class);
  }

  private TaskRecordStore store(int attempts, Duration maxBackoff) {
    DynamoDbClient client = DynamoClients.create(dynamo.settings(), attempts, maxBackoff);
    return new TaskRecordStore(client, dynamo.settings());
  }
}
