package us.anth.plexus.operator.runtime;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder;
import java.util.Comparator;
import java.util.List;

/**
 * An informer store that keeps of {@code metadata.managedFields} only who wrote the object first
 * (manager, operation and time of the earliest entry of the main resource, without its field set).
 * The field sets are the largest part of a cached object on a real API server once deserialized
 * (nested maps per field manager): with them, 10,000 tasks with their Jobs and pods held 623 MB
 * (bin/bench memory --api local). The earliest manager is what the audit trail names as the creator
 * when no creator annotation exists.
 */
public final class WithoutManagedFields<T extends HasMetadata> extends PrunedItemStore<T> {
  public WithoutManagedFields() {
    super(WithoutManagedFields::keepFirstWriter);
  }

  private static <T extends HasMetadata> T keepFirstWriter(T object) {
    if (object.getMetadata() != null) {
      object.getMetadata().setManagedFields(firstWriter(object.getMetadata().getManagedFields()));
    }
    return object;
  }

  /** The earliest entry of the main resource, without its field set; null when there is none. */
  static List<ManagedFieldsEntry> firstWriter(List<ManagedFieldsEntry> managed) {
    if (managed == null) {
      return null;
    }
    return managed.stream()
        .filter(e -> e.getManager() != null && e.getSubresource() == null)
        .min(Comparator.comparing(e -> e.getTime() == null ? "~" : e.getTime()))
        .map(
            e ->
                List.of(
                    new ManagedFieldsEntryBuilder()
                        .withManager(e.getManager())
                        .withOperation(e.getOperation())
                        .withTime(e.getTime())
                        .build()))
        .orElse(null);
  }
}
