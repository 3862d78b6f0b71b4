package us.anth.plexus.bridge.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.bridge.DashboardTasks;
import us.anth.plexus.bridge.poller.StreamsClients;
import us.anth.plexus.devkit.EmbeddedDynamo;
import us.anth.plexus.devkit.EmbeddedKubeApi;
import us.anth.plexus.store.TaskRecordStore;
import us.anth.plexus.store.TaskStoreSettings;

/**
 * The Lambda wired from its environment alone: DynamoDB over HTTP, the cluster reached with an
 * IAM-signed EKS token from the default AWS credential chain.
 */
class LambdaFromEnvironmentIT {
  private EmbeddedDynamo dynamo;
  private EmbeddedKubeApi kube;

  @BeforeEach
  void start() {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    dynamo =
        EmbeddedDynamo.start(
            TaskStoreSettings.defaults().withTables("Task-" + suffix, "TaskStage-" + suffix), true);
    kube = EmbeddedKubeApi.start();
    System.setProperty("aws.accessKeyId", "AKIDBRIDGETEST");
    System.setProperty("aws.secretAccessKey", "bridge-test-secret");
  }

  @AfterEach
  void stop() {
    System.clearProperty("aws.accessKeyId");
    System.clearProperty("aws.secretAccessKey");
    kube.close();
    dynamo.close();
  }

  @Test
  void handlerBuiltFromTheEnvironmentDispatchesWithAnEksBearerToken() throws Exception {
    Map<String, String> env =
        Map.of(
            "AWS_REGION",
            "us-east-1",
            TaskStoreSettings.ENDPOINT,
            dynamo.endpoint(),
            TaskStoreSettings.STAGE_TABLE,
            dynamo.settings().stageTable(),
            "PLEXUS_BRIDGE_EKS_ENDPOINT",
            kube.url(),
            "PLEXUS_BRIDGE_EKS_CLUSTER_NAME",
            "plexus-test",
            "PLEXUS_BRIDGE_DEFAULT_NAMESPACE",
            "from-env");
    LambdaBridgeFactory factory = LambdaBridgeFactory.fromEnv(env);
    TaskStreamHandler handler = new TaskStreamHandler(factory::coreForTable);
    var task = DashboardTasks.pending().with("accountId", "acct-env");
    dynamo.client().putItem(r -> r.tableName(dynamo.settings().taskTable()).item(task.item()));
    String streamArn =
        dynamo
            .client()
            .describeTable(r -> r.tableName(dynamo.settings().taskTable()))
            .table()
            .latestStreamArn();

    var response = handler.handleRequest(LambdaEvents.of(streamArn, records(streamArn)), null);

    assertThat(response.getBatchItemFailures()).isEmpty();
    assertThat(authorizationOfThePlexusTaskCreation()).startsWith("Bearer k8s-aws-v1.");
    PlexusTask created =
        kube.client()
            .resources(PlexusTask.class)
            .inNamespace("from-env")
            .withName("task-" + task.id())
            .get();
    assertThat(created.getSpec().getTaskId()).isEqualTo(task.id());
    assertThat(
            new TaskRecordStore(dynamo.client(), dynamo.settings())
                .find(task.id())
                .orElseThrow()
                .dispatchStatus())
        .isEqualTo("DISPATCHED");
    // A hanging or failing API must end the delivery (a counted attempt) before the function
    // times out; fabric8's defaults (ten retries) would not.
    var kubeConfig = factory.kubernetes().getConfiguration();
    assertThat(kubeConfig.getConnectionTimeout())
        .isEqualTo(KubernetesCallBudget.CONNECT_TIMEOUT_MILLIS);
    assertThat(kubeConfig.getRequestTimeout())
        .isEqualTo(KubernetesCallBudget.REQUEST_TIMEOUT_MILLIS);
    assertThat(kubeConfig.getRequestRetryBackoffLimit()).isEqualTo(KubernetesCallBudget.RETRIES);
  }

  private String authorizationOfThePlexusTaskCreation() throws InterruptedException {
    RecordedRequest request;
    while ((request = kube.server().takeRequest(1, TimeUnit.SECONDS)) != null) {
      if ("POST".equals(request.getMethod()) && request.getPath().contains("/plexustasks")) {
        return request.getHeader("Authorization");
      }
    }
    throw new AssertionError("the bridge never created a PlexusTask");
  }

  private List<Record> records(String streamArn) {
    try (DynamoDbStreamsClient streams = StreamsClients.create(dynamo.settings())) {
      String shard =
          streams
              .describeStream(r -> r.streamArn(streamArn))
              .streamDescription()
              .shards()
              .get(0)
              .shardId();
      String iterator =
          streams
              .getShardIterator(
                  r ->
                      r.streamArn(streamArn)
                          .shardId(shard)
                          .shardIteratorType(ShardIteratorType.TRIM_HORIZON))
              .shardIterator();
      return streams.getRecords(r -> r.shardIterator(iterator)).records();
    }
  }
}
