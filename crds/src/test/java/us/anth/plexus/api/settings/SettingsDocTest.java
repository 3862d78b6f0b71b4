package us.anth.plexus.api.settings;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import us.anth.plexus.api.docs.GeneratedPage;

/** Fails when docs/reference/settings.md differs from the settings definitions. */
class SettingsDocTest {
  @Test
  void settingsPageMatchesTheDefinitions() throws IOException {
    StringBuilder page =
        new StringBuilder(
            """
            # Settings

            Every process is configured through `PLEXUS_*` environment variables (the Helm chart
            sets them from its values, [Helm chart](../operations/helm.md#values)). Generated from
            the definitions in `crds/.../api/settings/` (`SettingsDocTest` fails when this page is
            stale). An unset or blank variable takes its default; any other value must parse, or
            the process stops at start with one line naming the variable (the operator and the
            bridge poller with exit status 2), e.g. `PLEXUS_DYNAMODB_ENABLED must be true or
            false, got 'yes'`.
            """);
    section(
        page,
        "Operator",
        "The operator also reads the [DynamoDB settings](#dynamodb-operator-runner-bridge-plexusctl)"
            + " and copies every `PLEXUS_DYNAMODB_*` variable verbatim into each Job.",
        OperatorVariables.all());
    section(
        page,
        "Runner",
        "Set by the operator in each Job ([Job contract](job-contract.md)); you rarely set them"
            + " yourself. The runner also reads the DynamoDB settings, and `KUBECONFIG` when set"
            + " (otherwise the in-cluster service account).",
        RunnerVariables.all());
    section(page, "DynamoDB (operator, runner, bridge, plexusctl)", "", DynamoDbVariables.all());
    section(
        page,
        "Lambda bridge and stream poller",
        "The bridge also reads the [DynamoDB settings](#dynamodb-operator-runner-bridge-plexusctl).",
        BridgeVariables.all());
    GeneratedPage.check(
        Path.of("../docs/reference/settings.md"),
        page.toString(),
        "./mvnw -pl crds -am verify -DskipITs -Dtest=SettingsDocTest -Dplexus.docs.write=true"
            + " -Dsurefire.failIfNoSpecifiedTests=false");
  }

  private static void section(
      StringBuilder page, String title, String intro, List<Setting<?>> settings) {
    page.append("\n## ").append(title).append("\n\n");
    if (!intro.isEmpty()) {
      page.append(intro).append("\n\n");
    }
    page.append("| variable | values | default | meaning |\n| --- | --- | --- | --- |\n");
    for (Setting<?> s : settings) {
      page.append("| `")
          .append(s.name())
          .append("` | ")
          .append(s.type())
          .append(" | ")
          .append(defaultOf(s))
          .append(" | ")
          .append(s.description())
          .append(" |\n");
    }
  }

  private static String defaultOf(Setting<?> s) {
    if (s.type().endsWith("required")) {
      return "–";
    }
    return s.defaultText().isEmpty() ? "empty" : code(s.defaultText());
  }

  private static String code(String text) {
    return text.startsWith("`") ? text : "`" + text + "`";
  }
}
