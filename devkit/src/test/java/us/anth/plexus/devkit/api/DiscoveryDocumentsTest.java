package us.anth.plexus.devkit.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiscoveryDocumentsTest {
  private final DiscoveryDocuments docs = new DiscoveryDocuments(resources());

  private static List<ApiResourceInfo> resources() {
    List<ApiResourceInfo> all = new ArrayList<>(ApiResourceInfo.builtIns());
    all.add(
        new ApiResourceInfo(
            "plexus.anth.us",
            "v1alpha1",
            "PlexusTask",
            "plexustasks",
            "plexustask",
            true,
            List.of("ptask"),
            true));
    return all;
  }

  @Test
  void answersVersionAndGroupListsIgnoringQueryStrings() {
    assertThat(docs.forPath("/version")).get().asString().contains("\"gitVersion\":\"v1.32.0");
    assertThat(docs.forPath("/api?timeout=32s")).get().asString().contains("\"v1\"");
    assertThat(docs.forPath("/apis?timeout=32s"))
        .get()
        .asString()
        .contains(
            "\"groupVersion\":\"batch/v1\"",
            "\"groupVersion\":\"plexus.anth.us/v1alpha1\"",
            "\"groupVersion\":\"coordination.k8s.io/v1\"");
  }

  @Test
  void listsResourcesWithShortNamesAndSubresources() {
    assertThat(docs.forPath("/apis/plexus.anth.us/v1alpha1"))
        .get()
        .asString()
        .contains("\"name\":\"plexustasks\"", "\"ptask\"", "\"plexustasks/status\"");
    assertThat(docs.forPath("/api/v1")).get().asString().contains("\"pods/log\"");
    assertThat(docs.forPath("/apis/batch/v1?timeout=32s")).get().asString().contains("\"jobs\"");
  }

  @Test
  void leavesResourcePathsAlone() {
    assertThat(docs.forPath("/api/v1/namespaces/x/pods")).isEmpty();
    assertThat(docs.forPath("/apis/unknown.io/v1")).isEmpty();
    assertThat(docs.forPath("/apis/batch/v1/jobs")).isEmpty();
  }
}
