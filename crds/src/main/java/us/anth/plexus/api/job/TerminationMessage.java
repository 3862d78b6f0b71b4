package us.anth.plexus.api.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import us.anth.plexus.api.PlexusTaskStatus;
import us.anth.plexus.api.StageStatus;

/**
 * The runner's final state as its container's termination message, so that the operator can fill
 * what the runner could not write to the status (API unreachable, writes denied, flush time out):
 * the runner-owned status fields as JSON, without the output tails, at most {@value #MAX_BYTES}
 * bytes (the kubelet's limit), written to the file {@value #ENV_PATH} names. The Job sets the
 * container's {@code terminationMessagePath} to the same file and the policy {@value #POLICY}, so a
 * runner that could not even write the file still leaves its log tail in the pod.
 */
public final class TerminationMessage {
  /** The container's terminationMessagePath (Kubernetes' default). */
  public static final String PATH = "/dev/termination-log";

  /** Environment variable telling the runner where to write the message (the node may move it). */
  public static final String ENV_PATH = "PLEXUS_TERMINATION_MESSAGE_PATH";

  /** The container's terminationMessagePolicy. */
  public static final String POLICY = "FallbackToLogsOnError";

  /** The kubelet keeps at most this many bytes of a container's termination message. */
  public static final int MAX_BYTES = 4096;

  /** Marks a message as the runner's (the policy may give a log tail instead). */
  static final String MARKER = "plexusRunnerFinalState";

  private static final ObjectMapper JSON = new ObjectMapper();

  private TerminationMessage() {}

  /**
   * The message for {@code runnerFields}: tails and error details dropped; when still over {@link
   * #MAX_BYTES}, the output, then stage messages, then the earliest stages are left out.
   */
  public static String encode(PlexusTaskStatus runnerFields) {
    PlexusTaskStatus status = copyWithout(runnerFields);
    String json = json(status);
    if (fits(json)) {
      return json;
    }
    status.setOutput(null);
    status.setErrorMessage(clip(status.getErrorMessage(), 512));
    json = json(status);
    List<StageStatus> stages =
        status.getStages() == null ? new ArrayList<>() : new ArrayList<>(status.getStages());
    stages.forEach(stage -> stage.setStatusMessage(clip(stage.getStatusMessage(), 80)));
    status.setStages(stages.isEmpty() ? null : stages);
    json = json(status);
    while (!fits(json) && !stages.isEmpty()) {
      stages.remove(0);
      status.setStages(stages.isEmpty() ? null : stages);
      json = json(status);
    }
    return json;
  }

  /**
   * The runner's final state from a container's termination message; empty for anything else (no
   * message, a log tail from {@value #POLICY}, a message cut by the kubelet).
   */
  public static Optional<PlexusTaskStatus> decode(String message) {
    if (message == null || !message.contains(MARKER)) {
      return Optional.empty();
    }
    try {
      var tree = JSON.readTree(message);
      if (tree == null || !tree.path(MARKER).asBoolean(false)) {
        return Optional.empty();
      }
      ((com.fasterxml.jackson.databind.node.ObjectNode) tree).remove(MARKER);
      return Optional.of(JSON.treeToValue(tree, PlexusTaskStatus.class));
    } catch (JsonProcessingException | ClassCastException e) {
      return Optional.empty();
    }
  }

  private static PlexusTaskStatus copyWithout(PlexusTaskStatus fields) {
    PlexusTaskStatus copy = JSON.convertValue(fields, PlexusTaskStatus.class);
    copy.setStdoutTail(null);
    copy.setStderrTail(null);
    copy.setErrorDetails(null);
    return copy;
  }

  private static String json(PlexusTaskStatus status) {
    var tree = JSON.valueToTree(status);
    ((com.fasterxml.jackson.databind.node.ObjectNode) tree).put(MARKER, true);
    return tree.toString();
  }

  private static boolean fits(String json) {
    return json.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
  }

  private static String clip(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
