package us.anth.plexus.devkit.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;

/**
 * The service-account signing key pair of a local control plane, written as PEM files: the private
 * key (PKCS#8) signs tokens in kube-apiserver and kube-controller-manager, the public key verifies
 * them.
 */
public record ServiceAccountKeys(Path privateKey, Path publicKey) {

  /** Generates a 2048-bit RSA pair into {@code dir} ({@code sa.key}, {@code sa.pub}). */
  public static ServiceAccountKeys generate(Path dir) throws IOException {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      KeyPair pair = generator.generateKeyPair();
      Path privateKey = dir.resolve("sa.key");
      Path publicKey = dir.resolve("sa.pub");
      Files.writeString(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
      Files.writeString(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
      return new ServiceAccountKeys(privateKey, publicKey);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("RSA is not available", e);
    }
  }

  static String pem(String type, byte[] der) {
    String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
  }
}
