package us.anth.plexus.helm;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Prints the chart's rendered manifests without a cluster or a helm binary (Helm embedded through
 * helm-java): {@code bin/chart-template [-f values.yaml]... [--set key=value]... [--name RELEASE]
 * [--namespace NS]}, the same flags as {@code helm template}.
 */
public final class RenderChart {
  private RenderChart() {}

  public static void main(String[] args) {
    Path chart = Path.of(System.getProperty("plexus.chart", "helm/plexus-operator"));
    try {
      System.out.print(render(chart, List.of(args)));
    } catch (IllegalArgumentException | IllegalStateException e) {
      System.err.println("error: " + e.getMessage().lines().findFirst().orElse(""));
      System.exit(2);
    }
  }

  /** The rendered manifests of {@code chart} for the {@code helm template}-style arguments. */
  public static String render(Path chart, List<String> args) {
    if (!Files.isRegularFile(chart.resolve("Chart.yaml"))) {
      throw new IllegalArgumentException("no chart at " + chart.toAbsolutePath());
    }
    TemplateCommand template =
        new Helm(chart).template().withName("plexus").withNamespace("plexus-system");
    for (int i = 0; i < args.size(); i++) {
      String flag = args.get(i);
      if (i + 1 >= args.size()) {
        throw new IllegalArgumentException(flag + " needs a value");
      }
      String value = args.get(++i);
      switch (flag) {
        case "-f", "--values" -> template = template.withValuesFile(Path.of(value));
        case "--set" -> {
          int eq = value.indexOf('=');
          if (eq < 1) {
            throw new IllegalArgumentException("--set expects key=value, got " + value);
          }
          template = template.set(value.substring(0, eq), value.substring(eq + 1));
        }
        case "--name" -> template = template.withName(value);
        case "-n", "--namespace" -> template = template.withNamespace(value);
        default ->
            throw new IllegalArgumentException(
                "unknown flag " + flag + " (use -f, --set, --name, --namespace)");
      }
    }
    return template.call();
  }
}
