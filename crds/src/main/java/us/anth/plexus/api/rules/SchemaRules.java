package us.anth.plexus.api.rules;

import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a model object against the same {@code @Required @Size @Min @Max @Pattern} annotations the
 * CRD generator turns into the OpenAPI schema, with the API server's messages: one source for each
 * bound, so the operator enforces what the schema states even where the schema is not applied.
 */
public final class SchemaRules {
  private static final String MODEL_PACKAGE = "us.anth.plexus.api";

  private SchemaRules() {}

  /**
   * Every violation in {@code object} (and the model objects it holds), paths under {@code path}.
   */
  public static List<String> violations(Object object, String path) {
    List<String> violations = new ArrayList<>();
    if (object != null) {
      checkObject(object, path, violations);
    }
    return violations;
  }

  private static void checkObject(Object object, String path, List<String> violations) {
    for (CheckedField checked : FIELDS.get(object.getClass())) {
      Object value;
      try {
        value = checked.field().get(object);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
      String fieldPath = path + "." + checked.field().getName();
      checkValue(value, fieldPath, checked.field(), violations);
      checkElements(value, fieldPath, checked.type(), violations);
    }
  }

  /** A checked field with its annotated type, looked up once per class (not per check). */
  private record CheckedField(Field field, AnnotatedType type) {}

  private static final ClassValue<List<CheckedField>> FIELDS =
      new ClassValue<>() {
        @Override
        protected List<CheckedField> computeValue(Class<?> start) {
          List<CheckedField> fields = new ArrayList<>();
          for (Class<?> type = start; type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
              int modifiers = field.getModifiers();
              if (!Modifier.isStatic(modifiers) && !Modifier.isTransient(modifiers)) {
                field.setAccessible(true);
                fields.add(new CheckedField(field, field.getAnnotatedType()));
              }
            }
          }
          return List.copyOf(fields);
        }
      };

  private static final Map<String, java.util.regex.Pattern> PATTERNS = new ConcurrentHashMap<>();

  private static void checkValue(
      Object value, String path, AnnotatedElement rules, List<String> violations) {
    if (value == null) {
      if (rules.isAnnotationPresent(Required.class)) {
        violations.add(path + ": Required value");
      }
      return;
    }
    Size size = rules.getAnnotation(Size.class);
    if (value instanceof String text) {
      long bytes = text.getBytes(StandardCharsets.UTF_8).length;
      if (size != null && bytes > size.max()) {
        violations.add(path + ": Too long: may not be more than " + size.max() + " bytes");
      }
      if (size != null && text.length() < size.min()) {
        violations.add(
            invalid(path, quote(text))
                + " in body should be at least "
                + size.min()
                + " chars long");
      }
      Pattern pattern = rules.getAnnotation(Pattern.class);
      if (pattern != null
          && !PATTERNS
              .computeIfAbsent(pattern.value(), java.util.regex.Pattern::compile)
              .matcher(text)
              .find()) {
        violations.add(
            invalid(path, quote(text)) + " in body should match '" + pattern.value() + "'");
      }
    } else if (value instanceof List<?> list && size != null) {
      if (list.size() > size.max()) {
        violations.add(
            path + ": Too many: " + list.size() + ": must have at most " + size.max() + " items");
      }
      if (list.size() < size.min()) {
        violations.add(
            invalid(path, list.size()) + " in body should have at least " + size.min() + " items");
      }
    } else if (value instanceof Number number) {
      checkNumber(number.doubleValue(), value, path, rules, violations);
    } else if (!(value instanceof Enum<?>)
        && value.getClass().getPackageName().equals(MODEL_PACKAGE)) {
      checkObject(value, path, violations);
    }
  }

  private static void checkNumber(
      double number, Object value, String path, AnnotatedElement rules, List<String> violations) {
    Min min = rules.getAnnotation(Min.class);
    if (min != null && (min.inclusive() ? number < min.value() : number <= min.value())) {
      violations.add(
          invalid(path, value)
              + " in body should be greater than "
              + (min.inclusive() ? "or equal to " : "")
              + plain(min.value()));
    }
    Max max = rules.getAnnotation(Max.class);
    if (max != null && (max.inclusive() ? number > max.value() : number >= max.value())) {
      violations.add(
          invalid(path, value)
              + " in body should be less than "
              + (max.inclusive() ? "or equal to " : "")
              + plain(max.value()));
    }
  }

  /** Elements of a list: their type-use annotations ({@code List<@Size(max = 253) String>}). */
  private static void checkElements(
      Object value, String path, AnnotatedType type, List<String> violations) {
    if (!(value instanceof List<?> list) || !(type instanceof AnnotatedParameterizedType param)) {
      return;
    }
    AnnotatedType element = param.getAnnotatedActualTypeArguments()[0];
    for (int i = 0; i < list.size(); i++) {
      checkValue(list.get(i), path + "[" + i + "]", element, violations);
    }
  }

  private static String invalid(String path, Object value) {
    return path + ": Invalid value: " + value + ": " + path;
  }

  private static String quote(String text) {
    String shown = text.length() > 60 ? text.substring(0, 57) + "..." : text;
    return "\"" + shown + "\"";
  }

  private static String plain(double number) {
    return number == Math.rint(number) ? Long.toString((long) number) : Double.toString(number);
  }
}
