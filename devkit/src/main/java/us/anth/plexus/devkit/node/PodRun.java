package us.anth.plexus.devkit.node;

import io.fabric8.kubernetes.api.model.Pod;
import java.nio.file.Path;
import us.anth.plexus.devkit.executor.LocalProcess;

/**
 * One pod running on a {@link NodeAgent} node: its process, start time, token kubeconfig and log.
 */
record PodRun(Pod pod, LocalProcess process, String startedAt, Path kubeconfig, Path log) {}
