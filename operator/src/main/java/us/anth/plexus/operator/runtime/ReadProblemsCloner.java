package us.anth.plexus.operator.runtime;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.javaoperatorsdk.operator.api.config.Cloner;
import us.anth.plexus.api.read.TolerantlyRead;

/**
 * JOSDK's resource cloner (a JSON round trip) that keeps what the tolerant read of the original
 * found: the problems are not part of the JSON, so a plain clone would hand the reconciler a spec
 * that looks clean while a field could not be read.
 */
public final class ReadProblemsCloner implements Cloner {
  private final KubernetesSerialization serialization;

  public ReadProblemsCloner(KubernetesSerialization serialization) {
    this.serialization = serialization;
  }

  @Override
  public <R extends HasMetadata> R clone(R object) {
    R copy = serialization.clone(object);
    if (object instanceof CustomResource<?, ?> original
        && copy instanceof CustomResource<?, ?> cloned) {
      copyProblems(original.getSpec(), cloned.getSpec());
      copyProblems(original.getStatus(), cloned.getStatus());
    }
    return copy;
  }

  private static void copyProblems(Object original, Object cloned) {
    if (original instanceof TolerantlyRead from && cloned instanceof TolerantlyRead to) {
      to.readProblems().copyFrom(from.readProblems());
    }
  }
}
