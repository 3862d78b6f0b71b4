package us.anth.plexus.controlplane;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import us.anth.plexus.devkit.cluster.ClusterCrds;
import us.anth.plexus.devkit.cluster.KubeLocalBinary;
import us.anth.plexus.devkit.cluster.LocalControlPlane;
import us.anth.plexus.devkit.executor.ExecutorOptions;
import us.anth.plexus.devkit.node.NodeAgent;
import us.anth.plexus.devkit.node.NodeSpec;

/**
 * The real control plane all tests of this module share (started once per JVM): kube-local's etcd,
 * kube-apiserver, kube-controller-manager and kube-scheduler, the generated CRDs, and a node agent
 * with nodes {@code cpu-1} and {@code gpu-1} running pods as local runner processes. A test calling
 * {@link #get()} is skipped with the reason when the kube-local binary cannot be had (no Go).
 */
final class RealCluster {
  static final List<NodeSpec> NODES = NodeSpec.parse("cpu-1,gpu-1");

  private static RealCluster shared;

  final LocalControlPlane plane;
  final NodeAgent agent;
  final Path workDir;

  private RealCluster(LocalControlPlane plane, NodeAgent agent, Path workDir) {
    this.plane = plane;
    this.agent = agent;
    this.workDir = workDir;
  }

  /** The shared cluster; skips the calling test when there is no kube-local binary. */
  static synchronized RealCluster get() {
    KubeLocalBinary binary = KubeLocalBinary.find();
    assumeTrue(binary.path().isPresent(), binary.reason());
    if (shared == null) {
      shared = start(binary.require());
      Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "real-cluster-stop"));
    }
    return shared;
  }

  private static RealCluster start(Path binary) {
    long started = System.nanoTime();
    LocalControlPlane plane = LocalControlPlane.start(binary);
    long planeMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    try {
      installCrds(plane.client());
      Path workDir = Files.createTempDirectory("node-agent-");
      NodeAgent agent =
          new NodeAgent(
                  plane.client(),
                  plane.serverUrl(),
                  NODES,
                  ExecutorOptions.defaults(null).withLogDir(workDir.resolve("logs")),
                  workDir)
              .start();
      System.out.printf(
          "real control plane: started in %d ms, CRDs and nodes ready in %d ms (%s)%n",
          planeMillis,
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
          plane.serverUrl());
      return new RealCluster(plane, agent, workDir);
    } catch (IOException | RuntimeException e) {
      plane.close();
      throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
    }
  }

  KubernetesClient admin() {
    return plane.client();
  }

  /** Creates the generated CRDs and waits until both are Established. */
  static void installCrds(KubernetesClient client) {
    ClusterCrds.install(client);
  }

  static boolean established(CustomResourceDefinition crd) {
    return ClusterCrds.established(crd);
  }

  /**
   * A fresh namespace with the chart's identities for it applied: the operator's ServiceAccount (in
   * {@value ChartRbac#RELEASE_NAMESPACE}) and Role, the runner's ServiceAccount and Role.
   */
  String newNamespace() {
    String name = "it-" + UUID.randomUUID().toString().substring(0, 8);
    for (String namespace : List.of(ChartRbac.RELEASE_NAMESPACE, name)) {
      admin()
          .resource(
              new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
          .forceConflicts()
          .serverSideApply();
    }
    for (HasMetadata object : ChartRbac.render(List.of(name), workDir)) {
      admin().resource(object).forceConflicts().serverSideApply();
    }
    return name;
  }

  /** A client with a fresh token of {@code namespace/account}, recording RBAC denials. */
  KubernetesClient clientFor(String namespace, String account, ForbiddenRequests denials) {
    return new KubernetesClientBuilder()
        .withConfig(plane.config(tokenOf(namespace, account)))
        .withHttpClientBuilderConsumer(b -> b.addOrReplaceInterceptor("forbidden", denials))
        .build();
  }

  /** A fresh token of the service account {@code namespace/account}. */
  String tokenOf(String namespace, String account) {
    return admin()
        .serviceAccounts()
        .inNamespace(namespace)
        .withName(account)
        .tokenRequest(
            new TokenRequestBuilder().withNewSpec().withExpirationSeconds(3600L).endSpec().build())
        .getStatus()
        .getToken();
  }

  /** The chart's operator identity. */
  KubernetesClient operatorClient(ForbiddenRequests denials) {
    return clientFor(ChartRbac.RELEASE_NAMESPACE, ChartRbac.OPERATOR_ACCOUNT, denials);
  }

  static Duration timeout() {
    return Duration.ofSeconds(60);
  }

  void close() {
    agent.close();
    plane.close();
  }
}
