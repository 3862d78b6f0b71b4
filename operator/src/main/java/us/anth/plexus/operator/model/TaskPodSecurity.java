package us.anth.plexus.operator.model;

import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSecurityContextBuilder;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import us.anth.plexus.api.PlexusWorkerPoolSpec;

/**
 * The security context of task pods: what the restricted Pod Security Standard demands (non-root,
 * no privilege escalation, every capability dropped, the runtime's default seccomp profile), so a
 * namespace enforcing it admits them. The runner image runs as a non-root user (65532). A pool's
 * {@code podSecurityContext} or {@code securityContext} replaces the matching default whole.
 */
public final class TaskPodSecurity {
  private TaskPodSecurity() {}

  /** The pool's pod-level securityContext, else {@link #pod()}. */
  public static PodSecurityContext pod(PlexusWorkerPoolSpec pool) {
    return pool.getPodSecurityContext() != null ? pool.getPodSecurityContext() : pod();
  }

  /** The pool's container securityContext, else {@link #container()}. */
  public static SecurityContext container(PlexusWorkerPoolSpec pool) {
    return pool.getSecurityContext() != null ? pool.getSecurityContext() : container();
  }

  public static PodSecurityContext pod() {
    return new PodSecurityContextBuilder()
        .withRunAsNonRoot(true)
        .withNewSeccompProfile()
        .withType("RuntimeDefault")
        .endSeccompProfile()
        .build();
  }

  public static SecurityContext container() {
    return new SecurityContextBuilder()
        .withRunAsNonRoot(true)
        .withAllowPrivilegeEscalation(false)
        .withNewCapabilities()
        .withDrop("ALL")
        .endCapabilities()
        .withNewSeccompProfile()
        .withType("RuntimeDefault")
        .endSeccompProfile()
        .build();
  }
}
