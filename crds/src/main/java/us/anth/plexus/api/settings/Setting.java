package us.anth.plexus.api.settings;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * One {@code PLEXUS_*} environment variable: its name, type, default and description, and the
 * strict parser that reads it. An unset or blank variable takes the default; any other value must
 * parse, or reading fails with one line naming the variable.
 *
 * @param name the environment variable
 * @param type what values it takes, for the docs (e.g. "true or false")
 * @param defaultText the default, for the docs ("" = empty)
 * @param description what it does, for the docs
 * @param parse value text (trimmed, not blank) to value; throws IllegalArgumentException
 * @param fallback the value when unset or blank, from the whole environment
 * @param <T> the value's type
 */
public record Setting<T>(
    String name,
    String type,
    String defaultText,
    String description,
    Function<String, T> parse,
    Function<Map<String, String>, T> fallback) {

  /** The value in {@code env}; throws IllegalArgumentException with one line on a bad value. */
  public T read(Map<String, String> env) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      return fallback.apply(env);
    }
    return parse.apply(value.trim());
  }

  /** Free text where "set but empty" means empty: only an unset variable takes the default. */
  public static Setting<String> textKeepingEmpty(String name, String fallback, String description) {
    Setting<String> text = text(name, fallback, description);
    return new Setting<>(
        name,
        text.type(),
        fallback,
        description,
        v -> v,
        env -> env.containsKey(name) ? "" : fallback);
  }

  /**
   * Free text; unset reads as {@code null}, which the reader replaces by what {@code whenUnset}
   * describes for the docs; set but empty means empty.
   */
  public static Setting<String> optionalText(String name, String whenUnset, String description) {
    return new Setting<>(
        name, "text", whenUnset, description, v -> v, env -> env.containsKey(name) ? "" : null);
  }

  /** Free text that must be set. */
  public static Setting<String> required(String name, String description) {
    return new Setting<>(
        name,
        "text, required",
        "",
        description,
        v -> v,
        env -> {
          throw new IllegalArgumentException(name + " is not set");
        });
  }

  /** Free text. */
  public static Setting<String> text(String name, String fallback, String description) {
    return new Setting<>(name, "text", fallback, description, v -> v, env -> fallback);
  }

  /**
   * Free text whose default is another variable's value ({@code otherVariable}, e.g. the pod's
   * namespace), else {@code fallback}.
   */
  public static Setting<String> textOr(
      String name, String otherVariable, String fallback, String description) {
    return new Setting<>(
        name,
        "text",
        "`" + otherVariable + "`" + (fallback.isEmpty() ? "" : ", else `" + fallback + "`"),
        description,
        v -> v,
        env -> {
          String other = env.get(otherVariable);
          return other == null || other.isBlank() ? fallback : other.trim();
        });
  }

  /** Exactly {@code true} or {@code false} (any case); anything else is an error. */
  public static Setting<Boolean> bool(String name, boolean fallback, String description) {
    return new Setting<>(
        name,
        "`true` or `false`",
        Boolean.toString(fallback),
        description,
        v -> {
          String lower = v.toLowerCase(Locale.ROOT);
          if (!lower.equals("true") && !lower.equals("false")) {
            throw bad(name, "true or false", v);
          }
          return lower.equals("true");
        },
        env -> fallback);
  }

  /** A whole number, 0 or more (a count of seconds, bytes, ...). */
  public static Setting<Long> atLeastZero(String name, long fallback, String description) {
    return atLeast(name, 0, fallback, description);
  }

  /** A whole number, {@code min} or more. */
  public static Setting<Long> atLeast(String name, long min, long fallback, String description) {
    return new Setting<>(
        name,
        "whole number ≥ " + min,
        Long.toString(fallback),
        description,
        v -> {
          long number = wholeNumber(name, v);
          if (number < min) {
            throw new IllegalArgumentException(
                min == 0
                    ? name + " must be 0 or more, got '" + v + "'"
                    : name + " must be at least " + min + ", not " + v);
          }
          return number;
        },
        env -> fallback);
  }

  /** A whole number of seconds, 0 or more; unset means none ({@code null}). */
  public static Setting<Long> optionalSeconds(String name, String description) {
    return new Setting<>(
        name,
        "whole number ≥ 0",
        "",
        description,
        atLeastZero(name, 0, description).parse(),
        env -> null);
  }

  /** A TCP port, 1 to 65535, or 0 for any free port. */
  public static Setting<Integer> port(String name, int fallback, String description) {
    return new Setting<>(
        name,
        "port (0 = any free port)",
        Integer.toString(fallback),
        description,
        v -> {
          long port = wholeNumber(name, v);
          if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(
                name + " must be a port from 1 to 65535 (0 = any free port), got '" + v + "'");
          }
          return (int) port;
        },
        env -> fallback);
  }

  /** One of {@code choices}, exactly (case matters); the first is the default. */
  public static Setting<String> choice(String name, String description, String... choices) {
    List<String> allowed = Arrays.asList(choices);
    return new Setting<>(
        name,
        listed(allowed, "`", "`"),
        allowed.get(0),
        description,
        v -> {
          if (!allowed.contains(v)) {
            throw bad(name, listed(allowed, "", ""), v);
          }
          return v;
        },
        env -> allowed.get(0));
  }

  /**
   * One of {@code choices} in any case, read as spelled in {@code choices}; the first is the
   * default.
   */
  public static Setting<String> choiceIgnoringCase(
      String name, String description, String... choices) {
    List<String> allowed = Arrays.asList(choices);
    return new Setting<>(
        name,
        listed(allowed, "`", "`") + " (any case)",
        allowed.get(0),
        description,
        v ->
            allowed.stream()
                .filter(v::equalsIgnoreCase)
                .findFirst()
                .orElseThrow(() -> bad(name, listed(allowed, "", ""), v)),
        env -> allowed.get(0));
  }

  /** "a or b", "a, b or c", each item between {@code open} and {@code close}. */
  private static String listed(List<String> items, String open, String close) {
    List<String> quoted = items.stream().map(i -> open + i + close).toList();
    int last = quoted.size() - 1;
    return last == 0
        ? quoted.get(0)
        : String.join(", ", quoted.subList(0, last)) + " or " + quoted.get(last);
  }

  private static long wholeNumber(String name, String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw bad(name, "a whole number", value);
    }
  }

  private static IllegalArgumentException bad(String name, String expected, String value) {
    return new IllegalArgumentException(name + " must be " + expected + ", got '" + value + "'");
  }
}
