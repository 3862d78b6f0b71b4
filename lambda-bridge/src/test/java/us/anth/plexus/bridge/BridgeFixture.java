package us.anth.plexus.bridge;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.devkit.EmbeddedKubeApi;
import us.anth.plexus.store.TaskRecord;
import us.anth.plexus.store.TaskRecordStore;
import us.anth.plexus.store.TaskStoreSettings;
import us.anth.plexus.store.TaskTables;

/**
 * DynamoDB Local (in-process, streams on) plus the mock Kubernetes API, with a fresh Task table per
 * {@link #newTable()} so tests never see each other's stream records (test fixture; register it as
 * a static {@code @RegisterExtension} field and it closes after the class's tests).
 */
public final class BridgeFixture implements AutoCloseable, AfterAllCallback {
  private final AmazonDynamoDBLocal dynamoLocal = DynamoDBEmbedded.create();
  private final EmbeddedKubeApi kube = EmbeddedKubeApi.start();
  private final DynamoDbClient dynamo = dynamoLocal.dynamoDbClient();
  private final DynamoDbStreamsClient streams = dynamoLocal.dynamoDbStreamsClient();

  public KubernetesClient kube() {
    return kube.client();
  }

  public AmazonDynamoDBLocal dynamoLocal() {
    return dynamoLocal;
  }

  public EmbeddedKubeApi kubeApi() {
    return kube;
  }

  public DynamoDbClient dynamo() {
    return dynamo;
  }

  public DynamoDbStreamsClient streams() {
    return streams;
  }

  /** Creates a Task table (and TaskStage table) with a NEW_AND_OLD_IMAGES stream. */
  public Table newTable() {
    TaskStoreSettings settings = freshTables();
    TaskTables.create(dynamo, settings, true);
    String arn =
        dynamo.describeTable(r -> r.tableName(settings.taskTable())).table().latestStreamArn();
    return new Table(settings, arn);
  }

  /**
   * Creates a Task table whose stream carries new images only (StreamViewType NEW_IMAGE): MODIFY
   * records arrive without an OldImage.
   */
  public Table newTableWithoutOldImages() {
    TaskStoreSettings settings = freshTables();
    TaskTables.create(dynamo, settings, false);
    String arn =
        dynamo
            .updateTable(
                r ->
                    r.tableName(settings.taskTable())
                        .streamSpecification(
                            s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE)))
            .tableDescription()
            .latestStreamArn();
    return new Table(settings, arn);
  }

  private static TaskStoreSettings freshTables() {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    return TaskStoreSettings.defaults().withTables("Task-" + suffix, "TaskStage-" + suffix);
  }

  /** One Task table of this fixture. */
  public final class Table {
    private final TaskStoreSettings settings;
    private final String streamArn;

    Table(TaskStoreSettings settings, String streamArn) {
      this.settings = settings;
      this.streamArn = streamArn;
    }

    public TaskStoreSettings settings() {
      return settings;
    }

    public String name() {
      return settings.taskTable();
    }

    public String streamArn() {
      return streamArn;
    }

    /** Writes the item the way the dashboard does (a plain PutItem). */
    public void insert(DashboardTasks task) {
      dynamo.putItem(r -> r.tableName(name()).item(task.item()));
    }

    /** Sets string attributes in one update, as the dashboard's update mutation does. */
    public void set(String id, Map<String, String> attributes) {
      Map<String, String> names = new java.util.HashMap<>();
      Map<String, AttributeValue> values = new java.util.HashMap<>();
      List<String> sets = new ArrayList<>();
      attributes.forEach(
          (name, value) -> {
            String key = "a" + names.size();
            names.put("#" + key, name);
            values.put(":" + key, AttributeValue.fromS(value));
            sets.add("#" + key + " = :" + key);
          });
      dynamo.updateItem(
          r ->
              r.tableName(name())
                  .key(Map.of("id", AttributeValue.fromS(id)))
                  .updateExpression("SET " + String.join(", ", sets))
                  .expressionAttributeNames(names)
                  .expressionAttributeValues(values));
    }

    /** Sets one string attribute, as the dashboard's update mutation does. */
    public void set(String id, String attribute, String value) {
      dynamo.updateItem(
          r ->
              r.tableName(name())
                  .key(Map.of("id", AttributeValue.fromS(id)))
                  .updateExpression("SET #a = :v")
                  .expressionAttributeNames(Map.of("#a", attribute))
                  .expressionAttributeValues(Map.of(":v", AttributeValue.fromS(value))));
    }

    public TaskRecord record(String id) {
      return new TaskRecordStore(dynamo, settings).find(id).orElseThrow();
    }

    /** Every record the stream holds now, in order, read through the Streams API. */
    public List<Record> streamRecords() {
      List<Record> records = new ArrayList<>();
      List<Shard> shards =
          streams.describeStream(r -> r.streamArn(streamArn)).streamDescription().shards();
      for (Shard shard : shards) {
        String iterator =
            streams
                .getShardIterator(
                    r ->
                        r.streamArn(streamArn)
                            .shardId(shard.shardId())
                            .shardIteratorType(ShardIteratorType.TRIM_HORIZON))
                .shardIterator();
        while (iterator != null) {
          String from = iterator;
          var response = streams.getRecords(r -> r.shardIterator(from));
          records.addAll(response.records());
          iterator = response.records().isEmpty() ? null : response.nextShardIterator();
        }
      }
      return records;
    }

    /** Stream records about task {@code id} only. */
    public List<Record> streamRecordsOf(String id) {
      return streamRecords().stream()
          .filter(r -> id.equals(r.dynamodb().keys().get("id").s()))
          .toList();
    }

    /** PlexusTasks in {@code namespace} mirroring task {@code id}. */
    public List<PlexusTask> plexusTasks(String namespace, String id) {
      return kube().resources(PlexusTask.class).inNamespace(namespace).list().getItems().stream()
          .filter(t -> id.equals(t.getSpec().getTaskId()))
          .toList();
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    close();
  }

  @Override
  public void close() {
    kube.close();
    dynamoLocal.shutdownNow();
  }
}
