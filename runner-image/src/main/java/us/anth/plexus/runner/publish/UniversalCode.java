package us.anth.plexus.runner.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The "Universal Code" YAML document Plexus's Celery worker stores in a Task's {@code output}
 * (after a success) and {@code error} (after a failure): comment lines naming the task type,
 * command, scorecard and score, then {@code task_info} and the data
 * (plexus/cli/shared/universal_code.py, generate_universal_code_yaml). Pure.
 */
public final class UniversalCode {
  private static final ObjectMapper YAML =
      new ObjectMapper(
          YAMLFactory.builder()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
              .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
              .build());
  private static final List<Pattern> SCORECARD =
      patterns("--scorecard\\s+\"([^\"]+)\"", "--scorecard\\s+([^\\s]+)");
  private static final List<Pattern> SCORE =
      patterns("--score\\s+\"([^\"]+)\"", "--score\\s+([^\\s]+)", "--scores\\s+([^\\s]+)");

  private UniversalCode() {}

  /** The document for {@code command} of {@code taskType} with {@code data} after task_info. */
  public static String document(
      String command, String taskType, Map<String, Object> data, Instant generated) {
    String oneLine = command.replaceAll("[\\r\\n]+", " ");
    String scorecard = first(SCORECARD, command);
    String score = first(SCORE, command);
    List<String> header = new ArrayList<>();
    header.add("# " + taskType + " Task Output");
    header.add("#");
    header.add(
        "# This is the structured output from a "
            + taskType.toLowerCase(Locale.ROOT)
            + " task that executed:");
    header.add("# Command: " + oneLine);
    header.add("#");
    if (scorecard != null) {
      header.add("# Scorecard: " + scorecard);
    }
    if (score != null) {
      header.add("# Score: " + score);
    }
    if (scorecard != null || score != null) {
      header.add("#");
    }
    header.add("# Generated: " + generated);
    header.add(
        "# Format: Universal Code YAML - compatible with AI tools, documentation, and sharing");
    header.add("#");
    Map<String, Object> info = new LinkedHashMap<>();
    info.put("command", command);
    info.put("type", taskType);
    info.put("generated_at", generated.toString());
    info.put("format", "Universal Code YAML");
    if (scorecard != null) {
      info.put("scorecard", scorecard);
    }
    if (score != null) {
      info.put("score", score);
    }
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("task_info", info);
    document.putAll(data);
    try {
      return String.join("\n", header) + "\n" + YAML.writeValueAsString(document);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a Universal Code document", e);
    }
  }

  /** Plexus's task type of a command (detect_task_type_from_command). */
  public static String taskType(String command) {
    String lower = command.toLowerCase(Locale.ROOT);
    if (lower.contains("predict")) {
      return "Prediction";
    } else if (lower.contains("evaluate") || lower.contains("evaluation")) {
      return "Evaluation";
    } else if (lower.contains("analyze") || lower.contains("analysis")) {
      return "Analysis";
    } else if (lower.contains("train")) {
      return "Training";
    } else if (lower.contains("batch")) {
      return "Batch Processing";
    }
    return "Command Execution";
  }

  private static String first(List<Pattern> patterns, String command) {
    for (Pattern pattern : patterns) {
      Matcher match = pattern.matcher(command);
      if (match.find()) {
        return match.group(1);
      }
    }
    return null;
  }

  private static List<Pattern> patterns(String... regexes) {
    return List.of(regexes).stream().map(Pattern::compile).toList();
  }
}
