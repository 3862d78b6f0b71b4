package us.anth.plexus.devkit.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A kubeconfig for a bearer token against a local control plane (TLS not verified: the serving
 * certificate is self-signed per start). Pure apart from {@link #writeTo}.
 */
public record TokenKubeconfig(String serverUrl, String token, String namespace) {

  /** The kubeconfig document (YAML). */
  public String render() {
    return String.join(
        "\n",
        "apiVersion: v1",
        "kind: Config",
        "clusters:",
        "- name: kube-local",
        "  cluster:",
        "    server: " + serverUrl,
        "    insecure-skip-tls-verify: true",
        "users:",
        "- name: kube-local",
        "  user:",
        "    token: " + token,
        "contexts:",
        "- name: kube-local",
        "  context:",
        "    cluster: kube-local",
        "    user: kube-local",
        "    namespace: " + namespace,
        "current-context: kube-local",
        "");
  }

  /** Writes the document to {@code file} (owner read/write only) and returns the file. */
  public Path writeTo(Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, render());
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: the temp directory is private enough
    }
    return file;
  }
}
