package us.anth.plexus.controlplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static us.anth.plexus.controlplane.OperatorOnCluster.eventually;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import us.anth.plexus.api.TaskPhase;
import us.anth.plexus.devkit.Kubectl;
import us.anth.plexus.operator.testing.TestPools;

/**
 * kubectl against the real API server with its defaults (client-side OpenAPI validation on, strict
 * field validation): {@code apply} of a hand-written task, {@code apply --server-side}, rejected
 * manifests, and the printer columns of {@code get ptask}, {@code get ppool} and {@code describe}.
 * Skipped with one line without kubectl (installed by {@code .ci/run} from Debian's {@code
 * kubernetes-client}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KubectlOnClusterIT {
  private static final Pattern WORD = Pattern.compile("\\S+");

  private OperatorOnCluster on;
  private Kubectl kubectl;
  private String ns;

  @BeforeAll
  void start() {
    RealCluster cluster = RealCluster.get();
    Optional<Kubectl> found = Kubectl.find(cluster.plane.kubeconfig());
    assumeTrue(
        found.isPresent(), "kubectl not installed: kubectl checks on the real server skipped");
    kubectl = found.get();
    on = OperatorOnCluster.start(cluster);
    ns = on.namespace;
    on.createPool(TestPools.pool(ns + "-cpu", ns + "/*"));
  }

  @AfterAll
  void stop() {
    if (on != null) {
      on.closeAssertingNothingDenied();
    }
  }

  private String task(String name, String specLines) {
    return String.join(
        "\n",
        "apiVersion: plexus.anth.us/v1alpha1",
        "kind: PlexusTask",
        "metadata:",
        "  name: " + name,
        "  namespace: " + ns,
        "spec:",
        "  accountId: acct-1",
        "  type: demo",
        specLines,
        "");
  }

  private String apply(String manifest, String... flags) throws Exception {
    Path file = Files.createTempFile(on.cluster.workDir, "manifest-", ".yaml");
    Files.writeString(file, manifest);
    List<String> args = new ArrayList<>(List.of("apply", "-f", file.toString()));
    args.addAll(Arrays.asList(flags));
    return kubectl.run(args.toArray(String[]::new));
  }

  @Test
  void applyWithValidationThenGetAndDescribeShowThePrinterColumns() throws Exception {
    String applied =
        apply(task("applied", "  target: " + ns + "/eval\n  command: sh -c 'echo hi'"));
    assertThat(applied.trim()).isEqualTo("plexustask.plexus.anth.us/applied created");
    on.awaitPhase("applied", TaskPhase.Succeeded);

    Map<String, String> row = table(kubectl.run("get", "ptask", "-n", ns)).get("applied");
    assertThat(row)
        .containsEntry("PHASE", "Succeeded")
        .containsEntry("TARGET", ns + "/eval")
        .containsEntry("POOL", ns + "-cpu")
        .containsKeys("STAGE", "PROGRESS", "AGE");
    assertThat(row.get("AGE")).matches("\\d+s");

    // the pool's counts are written a moment after its tasks change
    Map<String, String> pool =
        eventually()
            .until(
                () -> table(kubectl.run("get", "ppool", ns + "-cpu")).get(ns + "-cpu"),
                cells -> "0".equals(cells.get("ACTIVE")));
    assertThat(pool)
        .containsEntry("TARGETS", "[\"" + ns + "/*\"]")
        .containsEntry("LIMIT", "")
        .containsEntry("QUEUED", "0");

    String described = kubectl.run("describe", "ptask", "applied", "-n", ns);
    assertThat(described)
        .contains("Name:         applied")
        .contains("Command:")
        .contains("Phase:")
        .contains("Succeeded");
  }

  @Test
  void serverSideApplyOfATaskWorks() throws Exception {
    String out =
        apply(
            task("ssa", "  target: " + ns + "/eval\n  command: \"true\""),
            "--server-side",
            "--field-manager=plexus-test");
    assertThat(out.trim()).isEqualTo("plexustask.plexus.anth.us/ssa serverside-applied");
    on.awaitPhase("ssa", TaskPhase.Succeeded);
  }

  @Test
  void applyRejectsUnknownFieldsAndOutOfBoundsValuesWithReadableMessages() {
    assertThatThrownBy(() -> apply(task("typo", "  comand: \"true\"\n  command: \"true\"")))
        .hasMessageContaining("unknown field \"spec.comand\"");
    assertThatThrownBy(() -> apply(task("zero", "  command: \"true\"\n  timeoutSeconds: 0")))
        .hasMessageContaining("spec.timeoutSeconds")
        .hasMessageContaining("should be greater than or equal to 1");
    assertThat(on.task("typo")).isNull();
    assertThat(on.task("zero")).isNull();
  }

  /** A kubectl table as rows by name, each a map from column header to cell. */
  static Map<String, Map<String, String>> table(String output) {
    List<String> lines = output.lines().filter(l -> !l.isBlank()).toList();
    String header = lines.get(0);
    List<Integer> starts = new ArrayList<>();
    List<String> names = new ArrayList<>();
    Matcher m = WORD.matcher(header);
    while (m.find()) {
      starts.add(m.start());
      names.add(m.group());
    }
    Map<String, Map<String, String>> rows = new LinkedHashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      Map<String, String> cells = new LinkedHashMap<>();
      for (int i = 0; i < names.size(); i++) {
        int from = Math.min(starts.get(i), line.length());
        int to = i + 1 < names.size() ? Math.min(starts.get(i + 1), line.length()) : line.length();
        cells.put(names.get(i), line.substring(from, to).trim());
      }
      rows.put(cells.get("NAME"), cells);
    }
    return rows;
  }
}
