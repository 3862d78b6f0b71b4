package us.anth.plexus.operator.reconciler;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import us.anth.plexus.api.read.ReadProblems;

/**
 * Logs the fields an object carries that this operator's model does not know (a newer CRD under an
 * older operator), once per object: they are ignored, never fatal.
 */
final class UnknownFields {
  private static final Logger LOG = LoggerFactory.getLogger(UnknownFields.class);

  private final Set<String> logged = ConcurrentHashMap.newKeySet();

  /** Logs the unknown fields of {@code object}'s {@code prefix} part, once per object uid. */
  void logOnce(HasMetadata object, ReadProblems problems, String prefix) {
    if (problems.unknown().isEmpty() || !logged.add(object.getMetadata().getUid() + prefix)) {
      return;
    }
    LOG.warn(
        "{} {}: ignoring fields this operator does not know: {}",
        object.getKind(),
        object.getMetadata().getNamespace() == null
            ? object.getMetadata().getName()
            : object.getMetadata().getNamespace() + "/" + object.getMetadata().getName(),
        problems.describeUnknown(prefix));
  }

  /** Forgets a deleted object. */
  void forget(HasMetadata object) {
    logged.removeIf(key -> key.startsWith(object.getMetadata().getUid()));
  }
}
