package us.anth.plexus.devkit.api;

import java.util.List;

/** One resource the dev API advertises in discovery (group "" is the core group). */
public record ApiResourceInfo(
    String group,
    String version,
    String kind,
    String plural,
    String singular,
    boolean namespaced,
    List<String> shortNames,
    boolean hasStatus) {

  /** The group/version string, e.g. {@code v1} or {@code batch/v1}. */
  public String groupVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }

  /** The built-in resources the dev API serves in CRUD mode. */
  public static List<ApiResourceInfo> builtIns() {
    return List.of(
        core("Pod", "pods", true, List.of("po"), true),
        core("Namespace", "namespaces", false, List.of("ns"), true),
        core("ConfigMap", "configmaps", true, List.of("cm"), false),
        core("Secret", "secrets", true, List.of(), false),
        core("Event", "events", true, List.of("ev"), false),
        core("Service", "services", true, List.of("svc"), true),
        core("ServiceAccount", "serviceaccounts", true, List.of("sa"), false),
        new ApiResourceInfo("batch", "v1", "Job", "jobs", "job", true, List.of(), true),
        new ApiResourceInfo(
            "coordination.k8s.io", "v1", "Lease", "leases", "lease", true, List.of(), false),
        new ApiResourceInfo(
            "apiextensions.k8s.io",
            "v1",
            "CustomResourceDefinition",
            "customresourcedefinitions",
            "customresourcedefinition",
            false,
            List.of("crd", "crds"),
            true));
  }

  private static ApiResourceInfo core(
      String kind, String plural, boolean namespaced, List<String> shortNames, boolean status) {
    return new ApiResourceInfo(
        "", "v1", kind, plural, kind.toLowerCase(), namespaced, shortNames, status);
  }
}
