package us.anth.plexus.api;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** A node pool that runs the tasks whose targets match its patterns (cluster-scoped). */
@Group(PlexusTask.GROUP)
@Version(PlexusTask.VERSION)
@ShortNames("ppool")
@AdditionalPrinterColumn(
    name = "Targets",
    jsonPath = ".spec.targets",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Limit",
    jsonPath = ".spec.concurrencyLimit",
    type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(
    name = "Active",
    jsonPath = ".status.activeTasks",
    type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(
    name = "Queued",
    jsonPath = ".status.queuedTasks",
    type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
public class PlexusWorkerPool
    extends CustomResource<PlexusWorkerPoolSpec, PlexusWorkerPoolStatus> {}
