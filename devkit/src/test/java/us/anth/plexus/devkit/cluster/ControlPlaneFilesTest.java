package us.anth.plexus.devkit.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ControlPlaneFilesTest {
  @TempDir Path dir;

  @Test
  void serviceAccountKeysArePemEncodedPkcs8AndX509() throws Exception {
    ServiceAccountKeys keys = ServiceAccountKeys.generate(dir);
    String privatePem = Files.readString(keys.privateKey());
    assertThat(privatePem).startsWith("-----BEGIN PRIVATE KEY-----\n");
    assertThat(Files.readString(keys.publicKey())).startsWith("-----BEGIN PUBLIC KEY-----\n");
    String body = privatePem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    assertThat(
            KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)))
                .getAlgorithm())
        .isEqualTo("RSA");
  }

  @Test
  void tokenFileGivesTheAdminAndControllerManagerSystemMasters() {
    ControlPlaneIdentities ids = ControlPlaneIdentities.generate();
    assertThat(ids.tokenFile().lines())
        .containsExactly(
            ids.adminToken() + ",kube-local-admin,uid-admin,\"system:masters\"",
            ids.controllerManagerToken()
                + ",system:kube-controller-manager,uid-kcm,\"system:masters\"",
            ids.schedulerToken() + ",system:kube-scheduler,uid-scheduler");
  }

  @Test
  void tokenKubeconfigCarriesTheTokenAndIsPrivate() throws IOException {
    Path file =
        new TokenKubeconfig("https://127.0.0.1:1234", "t0k", "ns").writeTo(dir.resolve("k/c"));
    assertThat(Files.readString(file))
        .contains("server: https://127.0.0.1:1234", "token: t0k", "namespace: ns");
    assertThat(Files.getPosixFilePermissions(file)).hasSize(2);
  }
}
