package us.anth.plexus.operator.runtime;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.cache.BasicItemStore;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import java.util.function.UnaryOperator;

/**
 * An informer store that keeps each object only as {@code prune} leaves it. {@code prune} changes
 * the object in place (and returns it): the informer hands the same instance to its event handlers,
 * so they see what the cache holds.
 */
public class PrunedItemStore<T extends HasMetadata> extends BasicItemStore<T> {
  private final UnaryOperator<T> prune;

  public PrunedItemStore(UnaryOperator<T> prune) {
    super(Cache::metaNamespaceKeyFunc);
    this.prune = prune;
  }

  @Override
  public T put(String key, T object) {
    return super.put(key, prune.apply(object));
  }
}
