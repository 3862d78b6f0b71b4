package us.anth.plexus.runner.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Task record's {@code stdout}, {@code stderr}, {@code output} and {@code error} as Plexus's
 * Celery worker writes them (plexus/cli/shared/CommandTasks.py): both streams whole; after a
 * success {@code output} is a {@link UniversalCode} document of the command's output; after a
 * failure {@code error} is one holding the error message, stdout and stderr (no {@code output}).
 * Unlike the worker (whose write fails beyond the limit), the four together are kept within {@link
 * #BUDGET_BYTES}, so the item stays under DynamoDB's 400 KB: the streams keep their tails, each
 * opened by a line saying how much was cut, and an output too large for half the budget is replaced
 * by Plexus's compact preview envelope. Pure.
 */
public record RecordOutputs(String stdout, String stderr, String output, String error) {
  /** DynamoDB's item size limit: attribute names and values together. */
  public static final int ITEM_LIMIT_BYTES = 400 * 1024;

  /** What the four fields may take together (UTF-8); the rest of the item keeps 100 KB. */
  public static final int BUDGET_BYTES = 300 * 1024;

  /** Characters of an oversized output kept in its preview (Plexus's TASK_OUTPUT_PREVIEW_CHARS). */
  static final int PREVIEW_CHARS = 800;

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The fields for a run that ended with {@code snapshot} (final), within {@code budget} bytes. */
  public static RecordOutputs of(TaskSnapshot snapshot, int budget) {
    RunOutput run = runOutput(snapshot);
    boolean succeeded = snapshot.exitCode() != null && snapshot.exitCode() == 0;
    Instant now = snapshot.takenAt();
    String type = UniversalCode.taskType(run.command());
    String output =
        succeeded ? outputDocument(run.command(), type, snapshot.output(), budget, now) : null;
    int streams = budget - bytes(output);
    for (int attempt = 0; attempt < 8; attempt++) {
      String[] kept = fit(run, Math.max(0, streams));
      String error =
          succeeded ? null : errorDocument(run.command(), type, snapshot, kept[0], kept[1], now);
      int total = bytes(kept[0]) + bytes(kept[1]) + bytes(output) + bytes(error);
      if (total <= budget || streams <= 0) {
        return new RecordOutputs(kept[0], kept[1], output, error);
      }
      streams = (int) ((long) streams * budget / total) - 1024;
    }
    throw new IllegalStateException("record outputs did not fit in " + budget + " bytes");
  }

  /** UTF-8 size of a field (0 when absent). */
  public static int bytes(String text) {
    return text == null ? 0 : text.getBytes(StandardCharsets.UTF_8).length;
  }

  private static RunOutput runOutput(TaskSnapshot snapshot) {
    if (snapshot.runOutput() != null) {
      return snapshot.runOutput();
    }
    String out = snapshot.stdoutTail() == null ? "" : snapshot.stdoutTail();
    String err = snapshot.stderrTail() == null ? "" : snapshot.stderrTail();
    return new RunOutput("", out, bytes(out), err, bytes(err));
  }

  /**
   * stdout and stderr within {@code budget} together: an even split, the unused share passed on.
   */
  private static String[] fit(RunOutput run, int budget) {
    int out = bytes(run.stdout());
    int err = bytes(run.stderr());
    int outShare = Math.min(out, Math.max(budget / 2, budget - err));
    int errShare = Math.min(err, budget - outShare);
    return new String[] {
      tail(run.stdout(), run.stdoutWritten(), outShare),
      tail(run.stderr(), run.stderrWritten(), errShare)
    };
  }

  /** The last bytes of {@code text} within {@code share}, opened by a cut notice if any was cut. */
  static String tail(String text, long written, int share) {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    if (utf8.length <= share && written <= utf8.length) {
      return text;
    }
    int keep = Math.min(utf8.length, share - bytes(notice(written, 0))); // the longest notice
    if (keep <= 0) {
      return "";
    }
    int start = utf8.length - keep;
    while (start < utf8.length && (utf8[start] & 0xC0) == 0x80) {
      start++;
    }
    int kept = utf8.length - start;
    return notice(written, kept) + new String(utf8, start, kept, StandardCharsets.UTF_8);
  }

  private static String notice(long written, int kept) {
    return "[plexus-runner: the first "
        + (written - kept)
        + " of "
        + written
        + " bytes were cut to keep the Task record under DynamoDB's 400 KB item limit]\n";
  }

  private static String outputDocument(
      String command, String type, String declared, int budget, Instant now) {
    Map<String, Object> data = new LinkedHashMap<>();
    if (declared == null) {
      data.put("status", "completed");
      data.put("output_summary", "Command completed successfully");
    } else {
      data.putAll(parsed(declared));
    }
    String document = UniversalCode.document(command, type, data, now);
    if (bytes(document) <= budget / 2) {
      return document;
    }
    Map<String, Object> compact = new LinkedHashMap<>();
    compact.put("status", "completed");
    compact.put("output_compacted", true);
    String preview = declared == null ? "" : declared;
    compact.put(
        "preview",
        Map.of("raw_preview", preview.substring(0, Math.min(preview.length(), PREVIEW_CHARS))));
    try {
      return JSON.writeValueAsString(compact);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String errorDocument(
      String command,
      String type,
      TaskSnapshot snapshot,
      String stdout,
      String stderr,
      Instant now) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("status", "error");
    data.put("error_message", snapshot.errorMessage());
    data.put("exit_code", snapshot.exitCode());
    if (snapshot.output() != null) {
      data.put("output", snapshot.output());
    }
    data.put("stdout", stdout.isEmpty() ? null : stdout);
    data.put("stderr", stderr.isEmpty() ? null : stderr);
    return UniversalCode.document(command, type + " (Failed)", data, now);
  }

  /** A declared output as Plexus reads one: a JSON object merged, a list as results, else text. */
  private static Map<String, Object> parsed(String declared) {
    try {
      JsonNode node = JSON.readTree(declared);
      if (node != null && node.isObject()) {
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = JSON.convertValue(node, LinkedHashMap.class);
        return fields;
      }
      if (node != null && node.isArray()) {
        return Map.of("results", JSON.convertValue(node, Object.class));
      }
    } catch (JsonProcessingException | IllegalArgumentException notJson) {
      // plain text
    }
    return Map.of("output", declared);
  }
}
