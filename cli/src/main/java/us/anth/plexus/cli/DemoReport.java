package us.anth.plexus.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import us.anth.plexus.api.PlexusTask;

/** The {@code dev --demo --output json} document: the CR status and the DynamoDB items. */
public final class DemoReport {
  private DemoReport() {}

  public static Map<String, Object> of(PlexusTask task, CliContext.Stores stores) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("name", task.getMetadata().getName());
    doc.put("namespace", task.getMetadata().getNamespace());
    doc.put("phase", TaskViews.phase(task));
    doc.put("status", task.getStatus());
    String id = task.getSpec().getTaskId();
    Map<String, Object> dynamo = new LinkedHashMap<>();
    dynamo.put("task", id == null ? null : stores.tasks().find(id).orElse(null));
    dynamo.put("stages", id == null ? List.of() : stores.stages().listStages(id));
    doc.put("dynamodb", dynamo);
    return doc;
  }
}
