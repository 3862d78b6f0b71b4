package us.anth.plexus.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Optional;

/** The documents of one `helm template` run, each parsed into its fabric8 type. */
record RenderedChart(String yaml, List<HasMetadata> objects) {

  /** All rendered objects of a type. */
  <T extends HasMetadata> List<T> all(Class<T> type) {
    return objects.stream().filter(type::isInstance).map(type::cast).toList();
  }

  /** The single rendered object of a type named {@code name}. */
  <T extends HasMetadata> T one(Class<T> type, String name) {
    return find(type, name)
        .orElseThrow(
            () ->
                new AssertionError("no " + type.getSimpleName() + " named " + name + " rendered"));
  }

  /** The single rendered object of a type in a namespace named {@code name}. */
  <T extends HasMetadata> T one(Class<T> type, String namespace, String name) {
    List<T> found =
        all(type).stream()
            .filter(o -> name.equals(o.getMetadata().getName()))
            .filter(o -> namespace.equals(o.getMetadata().getNamespace()))
            .toList();
    assertThat(found).as("%s %s/%s", type.getSimpleName(), namespace, name).hasSize(1);
    return found.get(0);
  }

  <T extends HasMetadata> Optional<T> find(Class<T> type, String name) {
    List<T> found = all(type).stream().filter(o -> name.equals(o.getMetadata().getName())).toList();
    assertThat(found).as("%s named %s", type.getSimpleName(), name).hasSizeLessThanOrEqualTo(1);
    return found.stream().findFirst();
  }
}
