package us.anth.plexus.operator.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import us.anth.plexus.runner.PlexusAttach;

/**
 * What a real {@code plexus} command does with its Task, through the Plexus GraphQL API as its task
 * progress tracker does (plexus/cli/shared/task_progress_tracker.py, dashboard/api/models/
 * task.py): takes the Task id from {@code --task-id} or {@code PLEXUS_DISPATCH_TASK_ID}, creates
 * all its stages up front as PENDING ({@code createTaskStage}, ids chosen by Amplify), sets the
 * Task RUNNING with the first stage current, moves the stages on with progress ({@code
 * updateTaskStage}) and completes the Task ({@code updateTask}). Test fixture, started by the
 * stand-in {@code plexus} script.
 */
public final class StandInPlexusApi {
  /** The stages it reports, in order. */
  public static final List<String> STAGES = List.of("Setup", "Processing", "Finalizing");

  /** Items the Processing stage counts. */
  public static final long ITEMS = 3;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String STAGE_FIELDS =
      "id taskId name order status statusMessage processedItems totalItems startedAt completedAt";

  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final URI url;
  private final String apiKey;
  private final String taskId;
  private final Map<String, String> stageIds = new LinkedHashMap<>();

  private StandInPlexusApi(URI url, String apiKey, String taskId) {
    this.url = url;
    this.apiKey = apiKey;
    this.taskId = taskId;
  }

  public static void main(String[] args) throws Exception {
    List<String> words = List.of(args);
    String taskId = PlexusAttach.taskIdSeenBy(words, System.getenv()).orElse(null);
    String url = System.getenv("PLEXUS_API_URL");
    String key = System.getenv("PLEXUS_API_KEY");
    if (taskId == null || url == null || key == null) {
      System.err.println("stand-in plexus: no task id, PLEXUS_API_URL or PLEXUS_API_KEY");
      System.exit(2);
    }
    System.out.println("plexus " + String.join(" ", words) + " | task " + taskId);
    new StandInPlexusApi(URI.create(url), key, taskId).run();
    System.out.println("stand-in plexus: done");
  }

  private void run() throws Exception {
    for (int i = 0; i < STAGES.size(); i++) {
      ObjectNode input = JSON.createObjectNode();
      input.put("taskId", taskId).put("name", STAGES.get(i)).put("order", i + 1);
      input.put("status", "PENDING");
      JsonNode created =
          execute(
              "mutation CreateTaskStage($input: CreateTaskStageInput!) {"
                  + " createTaskStage(input: $input) { "
                  + STAGE_FIELDS
                  + " } }",
              input);
      stageIds.put(STAGES.get(i), created.path("createTaskStage").path("id").asText());
    }
    updateTask(
        Map.of("status", "RUNNING", "startedAt", now(), "currentStageId", stageIds.get("Setup")));
    updateStage("Setup", Map.of("status", "RUNNING", "statusMessage", "Setting up..."));
    updateStage("Setup", Map.of("status", "COMPLETED", "completedAt", now()));
    updateTask(Map.of("currentStageId", stageIds.get("Processing")));
    for (long done = 0; done <= ITEMS; done++) {
      updateStage(
          "Processing",
          Map.of(
              "status",
              "RUNNING",
              "processedItems",
              done,
              "totalItems",
              ITEMS,
              "statusMessage",
              "Processed " + done + " of " + ITEMS));
      Thread.sleep(700);
    }
    updateStage("Processing", Map.of("status", "COMPLETED", "completedAt", now()));
    updateTask(Map.of("currentStageId", stageIds.get("Finalizing")));
    updateStage("Finalizing", Map.of("status", "RUNNING"));
    updateStage("Finalizing", Map.of("status", "COMPLETED", "completedAt", now()));
    updateTask(Map.of("status", "COMPLETED", "completedAt", now()));
  }

  private void updateStage(String name, Map<String, Object> fields) throws Exception {
    ObjectNode input = JSON.valueToTree(fields);
    input.put("id", stageIds.get(name));
    execute(
        "mutation UpdateTaskStage($input: UpdateTaskStageInput!) {"
            + " updateTaskStage(input: $input) { "
            + STAGE_FIELDS
            + " } }",
        input);
  }

  private void updateTask(Map<String, Object> fields) throws Exception {
    ObjectNode input = JSON.valueToTree(fields);
    input.put("id", taskId);
    execute(
        "mutation UpdateTask($input: UpdateTaskInput!) {"
            + " updateTask(input: $input) { id status currentStageId startedAt completedAt } }",
        input);
  }

  /** Sends one operation with {@code $input}; a GraphQL error ends the command (exit 1). */
  private JsonNode execute(String document, JsonNode input) throws Exception {
    ObjectNode body = JSON.createObjectNode().put("query", document);
    body.putObject("variables").set("input", input);
    HttpRequest request =
        HttpRequest.newBuilder(url)
            .header("Content-Type", "application/json")
            .header("x-api-key", apiKey)
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      System.err.println(
          "stand-in plexus: HTTP " + response.statusCode() + " from the API: " + response.body());
      System.exit(1);
    }
    JsonNode answer = JSON.readTree(response.body());
    if (answer.hasNonNull("errors") && !answer.path("errors").isEmpty()) {
      System.err.println("stand-in plexus: GraphQL error: " + answer.path("errors"));
      System.exit(1);
    }
    return answer.path("data");
  }

  private static String now() {
    return Instant.now().toString();
  }
}
