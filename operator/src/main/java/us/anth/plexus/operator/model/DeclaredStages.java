package us.anth.plexus.operator.model;

import java.util.List;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.api.StageDeclaration;
import us.anth.plexus.api.StageState;
import us.anth.plexus.api.StageStatus;

/**
 * The stages declared in {@code spec.stages}, shown as PENDING from dispatch (as Plexus's tracker
 * creates every stage up front), until the runner writes its own. Pure.
 */
public final class DeclaredStages {
  private DeclaredStages() {}

  /**
   * The declarations to show now: the task declares stages, no stage is in its status yet and no
   * Job was created for it ({@code jobName} of the operator's newest status), so no runner can have
   * written. Empty otherwise.
   */
  public static List<StageDeclaration> toDeclare(PlexusTask task, String jobName) {
    List<StageDeclaration> declared = task.getSpec() == null ? null : task.getSpec().getStages();
    if (declared == null || declared.isEmpty() || jobName != null) {
      return List.of();
    }
    List<StageStatus> shown = task.getStatus() == null ? null : task.getStatus().getStages();
    return shown == null || shown.isEmpty() ? declared : List.of();
  }

  /** The PENDING status entries of {@code declared}: name, order and total items. */
  public static List<StageStatus> pending(List<StageDeclaration> declared) {
    return declared.stream()
        .map(
            d -> {
              StageStatus stage = new StageStatus();
              stage.setName(d.getName());
              stage.setOrder(d.getOrder());
              stage.setStatus(StageState.PENDING);
              stage.setTotalItems(d.getTotalItems());
              return stage;
            })
        .toList();
  }
}
