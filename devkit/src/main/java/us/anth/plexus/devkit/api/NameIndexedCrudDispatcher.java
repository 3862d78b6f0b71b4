package us.anth.plexus.devkit.api;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.crud.Attribute;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.mockwebserver.crud.AttributeType;
import java.util.AbstractMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * fabric8's CRUD dispatcher with the stored objects indexed by name, for the lookup of one named
 * object that every create, patch and update does. fabric8 tests every stored object against every
 * attribute of the request (65% of the CPU of {@code bin/bench reconcile}, growing with the objects
 * held); here only the objects of that name are tested, with fabric8's own match. The index follows
 * every write ({@link #processEvent}); should a stored key ever differ from the one the index
 * computes (a fabric8 change), the index turns itself off and fabric8's scan answers.
 */
public final class NameIndexedCrudDispatcher extends KubernetesCrudDispatcher {
  private static final String NAME = KubernetesAttributesExtractor.NAME;

  private final Map<Attribute, Set<AttributeSet>> byName = new ConcurrentHashMap<>();
  private volatile boolean indexed = true;

  public NameIndexedCrudDispatcher() {
    super(List.of());
  }

  @Override
  public Map.Entry<AttributeSet, String> findResource(AttributeSet query) {
    Attribute name = query.getAttribute(NAME);
    if (!indexed || name == null || name.getType() != AttributeType.WITH) {
      return super.findResource(query);
    }
    Map.Entry<AttributeSet, String> found = null;
    for (AttributeSet stored : byName.getOrDefault(name, Set.of())) {
      String value = map.get(stored);
      if (value != null && stored.matches(query)) {
        if (found != null) {
          return super.findResource(query); // several match: fabric8's order decides
        }
        found = new AbstractMap.SimpleImmutableEntry<>(stored, value);
      }
    }
    return found;
  }

  @Override
  public void processEvent(
      String path,
      AttributeSet pathAttributes,
      AttributeSet oldAttributes,
      GenericKubernetesResource resource,
      String newState) {
    super.processEvent(path, pathAttributes, oldAttributes, resource, newState);
    if (oldAttributes != null) {
      forget(oldAttributes);
    }
    if (newState != null && indexed) {
      AttributeSet stored = storedKey(pathAttributes, resource, newState);
      if (map.containsKey(stored)) {
        Attribute name = stored.getAttribute(NAME);
        if (name != null) {
          byName.computeIfAbsent(name, n -> ConcurrentHashMap.newKeySet()).add(stored);
        }
      } else {
        indexed = false;
      }
    }
  }

  /** Whether the index answers lookups (false once a stored key differed from its own). */
  boolean indexed() {
    return indexed;
  }

  @Override
  public void reset() {
    super.reset();
    byName.clear();
    indexed = true;
  }

  private void forget(AttributeSet stored) {
    Attribute name = stored.getAttribute(NAME);
    Set<AttributeSet> named = name == null ? null : byName.get(name);
    if (named != null) {
      named.remove(stored);
      if (named.isEmpty()) {
        byName.remove(name, named);
      }
    }
  }

  /** The key fabric8's processEvent stored {@code newState} under (checked by the caller). */
  private AttributeSet storedKey(
      AttributeSet pathAttributes, GenericKubernetesResource resource, String newState) {
    KubernetesAttributesExtractor extractor = (KubernetesAttributesExtractor) attributeExtractor;
    AttributeSet key =
        resource != null ? extractor.extract(resource) : extractor.fromResource(newState);
    return key.containsKey(KubernetesAttributesExtractor.PLURAL)
        ? key
        : AttributeSet.merge(pathAttributes, key);
  }
}
