package us.anth.plexus.devkit.api;

import io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.crud.Attribute;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.mockwebserver.crud.AttributeType;
import java.util.List;
import java.util.Map;

/**
 * fabric8's CRUD dispatcher with a cheaper lookup of one named object (every create, patch and
 * update does one). fabric8 tests every stored object against every attribute of the request, each
 * test a linear scan of the object's attributes; this compares the stored name first (one hash
 * lookup) and runs the full match only on objects of that name, so the result is the same object.
 */
public final class NameFirstCrudDispatcher extends KubernetesCrudDispatcher {
  public NameFirstCrudDispatcher() {
    super(List.of());
  }

  @Override
  public Map.Entry<AttributeSet, String> findResource(AttributeSet query) {
    Attribute name = query.getAttribute(KubernetesAttributesExtractor.NAME);
    if (name == null || name.getType() != AttributeType.WITH) {
      return super.findResource(query);
    }
    // Called under the dispatcher's lock, like the method it replaces; same iteration order.
    for (Map.Entry<AttributeSet, String> entry : map.entrySet()) {
      AttributeSet stored = entry.getKey();
      if (name.equals(stored.getAttribute(KubernetesAttributesExtractor.NAME))
          && stored.matches(query)) {
        return entry;
      }
    }
    return null;
  }
}
