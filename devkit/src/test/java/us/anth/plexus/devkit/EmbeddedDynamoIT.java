package us.anth.plexus.devkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import us.anth.plexus.store.NewTask;
import us.anth.plexus.store.TaskRecordStore;

class EmbeddedDynamoIT {

  @Test
  void servesTheTablesOverHttpOnLoopback() {
    try (EmbeddedDynamo dynamo = EmbeddedDynamo.start()) {
      assertThat(dynamo.endpoint()).isEqualTo("http://127.0.0.1:" + dynamo.port());
      assertThat(dynamo.settings().enabled()).isTrue();
      assertThat(dynamo.client().listTables().tableNames()).contains("Task", "TaskStage");

      TaskRecordStore store = new TaskRecordStore(dynamo.client(), dynamo.settings());
      String id = store.createTask(NewTask.of("acct-1", "demo", "demo/x", "demo"));
      assertThat(store.find(id))
          .hasValueSatisfying(t -> assertThat(t.status()).isEqualTo("PENDING"));
    }
  }

  @Test
  void keepsItsDataAcrossStopAndRestart() {
    try (EmbeddedDynamo dynamo = EmbeddedDynamo.start()) {
      TaskRecordStore store = new TaskRecordStore(dynamo.client(), dynamo.settings());
      String id = store.createTask(NewTask.of("acct-1", "demo", "demo/x", "demo"));

      dynamo.stop();
      dynamo.restart();

      assertThat(store.find(id)).isPresent();
    }
  }
}
