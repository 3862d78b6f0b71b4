package us.anth.plexus.devkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Builds a one-cluster, one-context kubeconfig (no credentials) and writes it to a file. */
public record KubeconfigWriter(String serverUrl, String contextName, String namespace) {

  /** A kubeconfig for {@code serverUrl} whose only context is {@code contextName}. */
  public static KubeconfigWriter forServer(String serverUrl, String contextName, String namespace) {
    return new KubeconfigWriter(serverUrl, contextName, namespace);
  }

  /** The kubeconfig document (YAML). */
  public String render() {
    return String.join(
        "\n",
        "apiVersion: v1",
        "kind: Config",
        "clusters:",
        "- name: " + contextName,
        "  cluster:",
        "    server: " + serverUrl,
        "users:",
        "- name: " + contextName,
        "  user: {}",
        "contexts:",
        "- name: " + contextName,
        "  context:",
        "    cluster: " + contextName,
        "    user: " + contextName,
        "    namespace: " + namespace,
        "current-context: " + contextName,
        "");
  }

  /** Writes the document to {@code file} (parents created) and returns the file. */
  public Path writeTo(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, render());
    return file;
  }
}
