package us.anth.plexus.devkit.appsync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The rig itself: Amplify's resolvers over DynamoDB Local, and subscriptions firing on mutations.
 */
class AppSyncSimulatorIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static AppSyncRig rig;

  @BeforeAll
  static void start() {
    try {
      rig = AppSyncRig.start();
    } catch (SimulatorUnavailableException e) {
      Assumptions.abort("AppSync simulator unavailable: " + e.getMessage());
    }
  }

  @AfterAll
  static void stop() {
    if (rig != null) {
      rig.close();
    }
  }

  @Test
  void mutationsWriteAmplifyTablesAndFireSubscriptions() throws Exception {
    String id = UUID.randomUUID().toString();
    try (AppSyncSubscriber subscriber = rig.subscriber()) {
      subscriber.subscribe("subscription { onUpdateTask { id status errorDetails } }");
      JsonNode created =
          post(
              "mutation C($input: CreateTaskInput!) { createTask(input: $input) { id } }",
              Map.of(
                  "id",
                  id,
                  "accountId",
                  "acct",
                  "type",
                  "evaluation",
                  "status",
                  "PENDING",
                  "target",
                  "evaluation",
                  "command",
                  "plexus evaluate accuracy",
                  "metadata",
                  "{\"dispatch_mode\":\"kubernetes\",\"n\":1}"));
      assertThat(created.path("errors").isMissingNode()).as(created.toString()).isTrue();
      post(
          "mutation U($input: UpdateTaskInput!) { updateTask(input: $input) { id } }",
          Map.of("id", id, "status", "RUNNING", "errorDetails", "{\"exitCode\":3}"));

      await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () ->
                  !subscriber
                      .events("onUpdateTask", e -> id.equals(e.path("id").asText()))
                      .isEmpty());
      JsonNode event =
          subscriber.events("onUpdateTask", e -> id.equals(e.path("id").asText())).get(0);
      assertThat(event.path("status").asText()).isEqualTo("RUNNING");
      assertThat(JSON.readTree(event.path("errorDetails").asText()).path("exitCode").asInt())
          .isEqualTo(3);
    }

    Map<String, AttributeValue> item =
        rig.dynamo()
            .client()
            .getItem(
                b ->
                    b.tableName(rig.simulator().taskTable())
                        .key(Map.of("id", AttributeValue.fromS(id))))
            .item();
    // What AppSync stores for an AWSJSON field: a DynamoDB map, not JSON text.
    assertThat(item.get("metadata").hasM()).isTrue();
    assertThat(item.get("metadata").m().get("n").n()).isEqualTo("1");
    assertThat(item.get("errorDetails").m().get("exitCode").n()).isEqualTo("3");
    assertThat(item.get("__typename").s()).isEqualTo("Task");
    assertThat(item.get("updatedAt").s()).isNotBlank();
  }

  private static JsonNode post(String document, Map<String, Object> input) throws Exception {
    ObjectNode body = JSON.createObjectNode().put("query", document);
    body.putObject("variables").set("input", JSON.valueToTree(input));
    HttpResponse<String> response =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .build()
            .send(
                HttpRequest.newBuilder(rig.simulator().graphqlUrl())
                    .header("content-type", "application/json")
                    .header("x-api-key", rig.simulator().apiKey())
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }
}
