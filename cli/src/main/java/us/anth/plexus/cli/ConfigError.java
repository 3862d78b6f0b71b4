package us.anth.plexus.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** One line for a configuration file Jackson could not read: {@code file:line: field: problem}. */
final class ConfigError {
  private static final YAMLFactory YAML_TOKENS = new YAMLFactory();

  private ConfigError() {}

  /** The line: {@code text}'s key at the failing field's path, else where the parser stopped. */
  static String describe(String source, String text, JsonProcessingException error) {
    JsonProcessingException e = error;
    if (e instanceof JsonMappingException && e.getCause() instanceof JsonProcessingException c) {
      e = c; // a syntax error surfacing through data binding
    }
    JsonLocation at = e.getLocation();
    int line = at == null ? -1 : at.getLineNr();
    if (e instanceof JsonMappingException m) {
      line = lineOfKey(text, fieldPath(m)).orElse(line);
    }
    String where = source + (line < 1 ? "" : ":" + line);
    if (!(e instanceof JsonMappingException m)) {
      return where + ": not valid YAML: " + unindented(e.getOriginalMessage());
    }
    String field = path(m);
    String prefix = where + ": " + (field.isEmpty() ? "" : field + ": ");
    if (e instanceof UnrecognizedPropertyException u) {
      return prefix + "unknown field (known: " + known(u.getKnownPropertyIds()) + ")";
    }
    if (e instanceof MismatchedInputException mi && mi.getTargetType() != null) {
      return prefix + "expected " + expected(mi.getTargetType()) + ", found " + found(mi);
    }
    return prefix + firstLine(e.getOriginalMessage());
  }

  private static List<String> fieldPath(JsonMappingException e) {
    List<String> names = new ArrayList<>();
    for (JsonMappingException.Reference r : e.getPath()) {
      if (r.getFieldName() == null) {
        return List.of();
      }
      names.add(r.getFieldName());
    }
    return names;
  }

  /** The line of the key at {@code path} (field names from the root), if the text has it. */
  private static Optional<Integer> lineOfKey(String text, List<String> path) {
    if (path.isEmpty()) {
      return Optional.empty();
    }
    try (JsonParser p = YAML_TOKENS.createParser(text)) {
      JsonToken token;
      while ((token = p.nextToken()) != null) {
        if (token == JsonToken.FIELD_NAME) {
          List<String> here =
              new ArrayList<>(
                  p.getParsingContext().getParent() == null
                      ? List.of()
                      : parents(p.getParsingContext().getParent()));
          here.add(p.currentName());
          if (here.equals(path)) {
            return Optional.of(p.currentTokenLocation().getLineNr());
          }
        }
      }
    } catch (IOException ignored) {
      // unparseable text: the parser's own location is all there is
    }
    return Optional.empty();
  }

  private static List<String> parents(com.fasterxml.jackson.core.JsonStreamContext context) {
    Deque<String> names = new ArrayDeque<>();
    for (var c = context; c != null; c = c.getParent()) {
      if (c.inObject() && c.getCurrentName() != null) {
        names.addFirst(c.getCurrentName());
      }
    }
    return new ArrayList<>(names);
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining("."))
        .replace(".[", "[");
  }

  private static String known(Collection<Object> ids) {
    return ids.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
  }

  private static String expected(Class<?> type) {
    if (type == String.class) {
      return "a string";
    }
    if (java.util.Map.class.isAssignableFrom(type) || !type.getName().startsWith("java.")) {
      return "a mapping";
    }
    return "a " + type.getSimpleName();
  }

  private static String found(MismatchedInputException e) {
    JsonToken token = e.getProcessor() instanceof JsonParser p ? p.currentToken() : null;
    if (token == null) {
      return "something else";
    }
    return switch (token) {
      case START_ARRAY -> "a list";
      case START_OBJECT -> "a mapping";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "nothing";
      default -> token.asString() == null ? token.name() : token.asString();
    };
  }

  /** SnakeYAML's multi-line message without its quoted excerpt: the problem lines joined. */
  private static String unindented(String message) {
    return message == null
        ? ""
        : message
            .lines()
            .filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)))
            .collect(Collectors.joining("; "));
  }

  private static String firstLine(String message) {
    return message == null ? "" : message.lines().findFirst().orElse(message);
  }
}
