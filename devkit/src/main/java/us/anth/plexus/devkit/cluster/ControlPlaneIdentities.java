package us.anth.plexus.devkit.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * The static bearer tokens of a local control plane (kube-apiserver {@code --token-auth-file}): the
 * test admin ({@code system:masters}), kube-controller-manager (also {@code system:masters},
 * because it runs its controllers under its own identity, {@code
 * --use-service-account-credentials=false}) and kube-scheduler (the bootstrap RBAC role of {@code
 * system:kube-scheduler}). Everything else authenticates with service-account tokens.
 */
public record ControlPlaneIdentities(
    String adminToken, String controllerManagerToken, String schedulerToken) {
  public static final String ADMIN_USER = "kube-local-admin";
  public static final String CONTROLLER_MANAGER_USER = "system:kube-controller-manager";
  public static final String SCHEDULER_USER = "system:kube-scheduler";

  /** Fresh random tokens. */
  public static ControlPlaneIdentities generate() {
    return new ControlPlaneIdentities(random(), random(), random());
  }

  /** The token file: {@code token,user,uid,"groups"} per line. */
  public String tokenFile() {
    return String.join(
        "\n",
        adminToken + "," + ADMIN_USER + ",uid-admin,\"system:masters\"",
        controllerManagerToken + "," + CONTROLLER_MANAGER_USER + ",uid-kcm,\"system:masters\"",
        schedulerToken + "," + SCHEDULER_USER + ",uid-scheduler",
        "");
  }

  /** Writes {@link #tokenFile()} to {@code file}. */
  public Path writeTokenFile(Path file) throws IOException {
    Files.writeString(file, tokenFile());
    return file;
  }

  private static String random() {
    return UUID.randomUUID().toString().replace("-", "");
  }
}
