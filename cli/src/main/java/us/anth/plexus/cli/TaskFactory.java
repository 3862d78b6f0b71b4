package us.anth.plexus.cli;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.api.PlexusTaskSpec;
import us.anth.plexus.api.StageDeclaration;

/** Builds the PlexusTask a {@code dispatch} creates. Pure apart from the random name suffix. */
public final class TaskFactory {
  private static final SecureRandom RANDOM = new SecureRandom();

  private TaskFactory() {}

  /** What the user asked for on the command line (already defaulted from the remote). */
  public record Request(
      String command,
      String target,
      String account,
      String type,
      Long timeoutSeconds,
      String stages,
      String pool) {}

  public static PlexusTask build(Request request, String namespace, String nameSuffix) {
    PlexusTaskSpec spec = new PlexusTaskSpec();
    spec.setCommand(request.command());
    spec.setTarget(request.target());
    spec.setAccountId(request.account());
    spec.setType(request.type());
    spec.setTimeoutSeconds(request.timeoutSeconds());
    spec.setPool(request.pool());
    if (request.stages() != null && !request.stages().isBlank()) {
      spec.setStages(stages(request.stages()));
    }
    PlexusTask task = new PlexusTask();
    task.setMetadata(
        new ObjectMetaBuilder()
            .withName(namePrefix(request.type()) + "-" + nameSuffix)
            .withNamespace(namespace)
            .build());
    task.setSpec(spec);
    return task;
  }

  /** A random lower-case suffix for task names. */
  public static String randomSuffix() {
    String alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      s.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    return s.toString();
  }

  /** Parses {@code name:total,name,...} into stage declarations in order. */
  public static List<StageDeclaration> stages(String text) {
    List<StageDeclaration> stages = new ArrayList<>();
    int order = 1;
    for (String part : text.split(",")) {
      String[] nameAndTotal = part.trim().split(":", 2);
      if (nameAndTotal[0].isBlank()) {
        throw new CliException("--stages: empty stage name in '" + text + "'");
      }
      StageDeclaration stage = new StageDeclaration();
      stage.setName(nameAndTotal[0].trim());
      stage.setOrder(order++);
      if (nameAndTotal.length == 2) {
        try {
          stage.setTotalItems(Long.parseLong(nameAndTotal[1].trim()));
        } catch (NumberFormatException e) {
          throw new CliException("--stages: '" + nameAndTotal[1] + "' is not a number of items");
        }
      }
      stages.add(stage);
    }
    return stages;
  }

  private static String namePrefix(String type) {
    String cleaned =
        type.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-").replaceAll("(^-+|-+$)", "");
    if (cleaned.isEmpty()) {
      cleaned = "task";
    }
    return cleaned.length() > 40 ? cleaned.substring(0, 40) : cleaned;
  }
}
