package us.anth.plexus.api.read;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Reads a model object field by field so that no single field can make the whole object (and with
 * it a watch, an informer or an operator) unreadable: an unknown field is skipped, a field whose
 * value has the wrong type is left unset; both are recorded in the object's {@link ReadProblems}.
 * Subclasses only name the type: {@code @JsonDeserialize(using = Spec.Reader.class)}.
 */
public abstract class TolerantDeserializer<T extends TolerantlyRead> extends StdDeserializer<T> {
  private final Supplier<T> factory;

  /**
   * The type's settable properties by name, introspected on first use: Jackson keeps one instance
   * of a deserializer per mapper, and introspecting on every read took a sixth of the operator's
   * CPU (JFR, bin/bench reconcile).
   */
  private volatile Map<String, BeanPropertyDefinition> properties;

  protected TolerantDeserializer(Class<T> type, Supplier<T> factory) {
    super(type);
    this.factory = factory;
  }

  /**
   * Cachable, so Jackson keeps this instance (and the introspected properties) for nested values
   * too: a non-cachable deserializer is created anew for every nested value read through {@code
   * readTreeAsValue}, and each new one introspected its type again (6% of the operator's CPU, JFR
   * of bin/bench reconcile --api local).
   */
  @Override
  public boolean isCachable() {
    return true;
  }

  @Override
  public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
    JsonNode tree = context.readTree(parser);
    T bean = factory.get();
    ReadProblems problems = bean.readProblems();
    if (!tree.isObject()) {
      problems.unreadable("", "expected an object, got " + describe(tree));
      return bean;
    }
    Map<String, BeanPropertyDefinition> properties = properties(context);
    for (Map.Entry<String, JsonNode> field : tree.properties()) {
      BeanPropertyDefinition property = properties.get(field.getKey());
      AnnotatedMember mutator = property == null ? null : property.getNonConstructorMutator();
      if (mutator == null) {
        problems.unknown(field.getKey());
        continue;
      }
      try {
        Object value = context.readTreeAsValue(field.getValue(), property.getPrimaryType());
        mutator.setValue(bean, value);
        mergeNested(problems, field.getKey(), value);
      } catch (JsonMappingException e) {
        problems.unreadable(field.getKey() + pathOf(e), why(e, field.getValue()));
      } catch (RuntimeException e) {
        problems.unreadable(field.getKey(), describe(field.getValue()) + " cannot be set: " + e);
      }
    }
    return bean;
  }

  private Map<String, BeanPropertyDefinition> properties(DeserializationContext context) {
    Map<String, BeanPropertyDefinition> known = properties;
    if (known == null) {
      known = introspect(context);
      properties = known;
    }
    return known;
  }

  private Map<String, BeanPropertyDefinition> introspect(DeserializationContext context) {
    BeanDescription description =
        context.getConfig().introspect(context.constructType(handledType()));
    Map<String, BeanPropertyDefinition> byName = new HashMap<>();
    for (BeanPropertyDefinition property : description.findProperties()) {
      if (property.getNonConstructorMutator() != null) {
        property.getNonConstructorMutator().fixAccess(true);
      }
      byName.put(property.getName(), property);
    }
    return byName;
  }

  private static void mergeNested(ReadProblems problems, String name, Object value) {
    if (value instanceof TolerantlyRead nested) {
      problems.merge(name, nested.readProblems());
    } else if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        if (list.get(i) instanceof TolerantlyRead nested) {
          problems.merge(name + "[" + i + "]", nested.readProblems());
        }
      }
    }
  }

  private static String pathOf(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : e.getPath()) {
      if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      } else if (reference.getFieldName() != null) {
        path.append('.').append(reference.getFieldName());
      }
    }
    return path.toString();
  }

  private static String why(JsonMappingException e, JsonNode value) {
    String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    String firstLine = original.lines().findFirst().orElse("").trim();
    return describe(value) + " cannot be read (" + firstLine + ")";
  }

  private static String describe(JsonNode value) {
    String text = value.toString();
    return text.length() > 60 ? text.substring(0, 57) + "..." : text;
  }
}
