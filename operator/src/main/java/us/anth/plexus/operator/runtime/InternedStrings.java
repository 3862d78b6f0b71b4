package us.anth.plexus.operator.runtime;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;

/**
 * The operator client's JSON reading with every string value of up to {@link #MAX_LENGTH}
 * characters interned, as Jackson already interns field names. The cached tasks, Jobs and pods
 * repeat the same values (namespaces, label values, condition types, reasons and messages, audit
 * entry kinds and authors): at 2,000 tasks 14.6 MB of the 19.5 MB their strings held were copies.
 * Interned strings live in the JVM's string table until no object refers to them any more.
 */
public final class InternedStrings {
  /** Longer values (messages, commands, termination output) are seldom repeated: kept as read. */
  static final int MAX_LENGTH = 256;

  private InternedStrings() {}

  /** A client builder reading JSON as the operator's client does (interned string values). */
  public static KubernetesClientBuilder clientBuilder() {
    return new KubernetesClientBuilder().withKubernetesSerialization(serialization());
  }

  /** fabric8's serialization on an ObjectMapper that interns string values. */
  public static KubernetesSerialization serialization() {
    ObjectMapper mapper = new ObjectMapper();
    mapper.registerModule(
        new SimpleModule("interned-strings").addDeserializer(String.class, new Deserializer()));
    return new KubernetesSerialization(mapper, true);
  }

  /** Jackson's string reading, then {@link String#intern} for short values. */
  static final class Deserializer extends StringDeserializer {
    private static final long serialVersionUID = 1L;

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      String value = super.deserialize(parser, context);
      return value != null && value.length() <= MAX_LENGTH ? value.intern() : value;
    }
  }
}
