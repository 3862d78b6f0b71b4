package us.anth.plexus.devkit.cluster;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Kubernetes control plane on loopback for tests: etcd, kube-apiserver (RBAC, token
 * authentication, service-account signing keys, self-signed serving certificate),
 * kube-controller-manager (job, garbage-collector, namespace, service-account, token,
 * ttl-after-finished and pod-GC controllers) and kube-scheduler, all from the {@code kube-local}
 * binary. No kubelet: see {@code devkit.node.NodeAgent}. The API server can be killed and restarted
 * on the same etcd data.
 */
public final class LocalControlPlane implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LocalControlPlane.class);
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
  private static final String CONTROLLERS =
      "job,garbagecollector,namespace,serviceaccount,serviceaccount-token,ttl-after-finished,podgc";

  private final Path binary;
  private final Path dir;
  private final int etcdPort;
  private final int etcdPeerPort;
  private final int apiPort;
  private final ControlPlaneIdentities identities;
  private final ServiceAccountKeys keys;
  private final Path tokenFile;
  private ComponentProcess etcd;
  private ComponentProcess apiServer;
  private ComponentProcess controllerManager;
  private ComponentProcess scheduler;
  private KubernetesClient client;

  private LocalControlPlane(Path binary, Path dir) throws IOException {
    this.binary = binary;
    this.dir = dir;
    this.etcdPort = freePort();
    this.etcdPeerPort = freePort();
    this.apiPort = freePort();
    this.identities = ControlPlaneIdentities.generate();
    this.keys = ServiceAccountKeys.generate(dir);
    this.tokenFile = identities.writeTokenFile(dir.resolve("tokens.csv"));
  }

  /** Starts all four components with the binary {@link KubeLocalBinary#find()} gives. */
  public static LocalControlPlane start() {
    return start(KubeLocalBinary.find().require());
  }

  /** Starts all four components from {@code binary}; waits until the API server is ready. */
  public static LocalControlPlane start(Path binary) {
    long started = System.nanoTime();
    LocalControlPlane plane;
    try {
      plane = new LocalControlPlane(binary, Files.createTempDirectory("kube-local-"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      plane.startEtcd();
      plane.startApiServer();
      plane.startControllers();
    } catch (RuntimeException e) {
      plane.close();
      throw e;
    }
    LOG.info(
        "local control plane ({}) ready in {} ms",
        plane.serverUrl(),
        Duration.ofNanos(System.nanoTime() - started).toMillis());
    return plane;
  }

  public String serverUrl() {
    return "https://127.0.0.1:" + apiPort;
  }

  /** A client with the admin identity (group {@code system:masters}). */
  public KubernetesClient client() {
    return client;
  }

  public String adminToken() {
    return identities.adminToken();
  }

  /** A new client authenticating with {@code token} (close it yourself). */
  public KubernetesClient clientFor(String token) {
    return new KubernetesClientBuilder().withConfig(config(token)).build();
  }

  /** A kubeconfig for the admin identity (kubectl, child processes). */
  public Path kubeconfig() {
    return dir.resolve("admin.kubeconfig");
  }

  /** Writes a kubeconfig authenticating with {@code token}, default namespace {@code namespace}. */
  public Path writeKubeconfig(String token, String namespace, Path file) {
    try {
      return new TokenKubeconfig(serverUrl(), token, namespace).writeTo(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The directory holding data, keys and logs (deleted on close). */
  public Path directory() {
    return dir;
  }

  /** {@code kill -9} of kube-apiserver; etcd, controllers and scheduler keep running. */
  public void killApiServer() {
    apiServer.kill();
    LOG.info("kube-apiserver killed (pid {})", apiServer.pid());
  }

  /** Starts kube-apiserver again on the same port and etcd data; waits until it is ready. */
  public void restartApiServer() {
    if (apiServer.isAlive()) {
      apiServer.stop();
    }
    startApiServer();
  }

  private void startEtcd() {
    etcd =
        ComponentProcess.start(
            binary,
            "etcd",
            List.of(
                "--data-dir=" + dir.resolve("etcd"),
                "--listen-client-url=http://127.0.0.1:" + etcdPort,
                "--listen-peer-url=http://127.0.0.1:" + etcdPeerPort),
            dir.resolve("logs"));
  }

  private void startApiServer() {
    long started = System.nanoTime();
    apiServer =
        ComponentProcess.start(
            binary,
            "apiserver",
            List.of(
                "--etcd-servers=http://127.0.0.1:" + etcdPort,
                "--bind-address=127.0.0.1",
                "--advertise-address=127.0.0.1",
                "--secure-port=" + apiPort,
                "--cert-dir=" + dir.resolve("certs"),
                "--service-cluster-ip-range=10.0.0.0/24",
                "--service-account-issuer=https://kubernetes.default.svc.cluster.local",
                "--service-account-key-file=" + keys.publicKey(),
                "--service-account-signing-key-file=" + keys.privateKey(),
                "--authorization-mode=RBAC",
                "--token-auth-file=" + tokenFile,
                "--disable-admission-plugins=TaintNodesByCondition",
                "--enable-priority-and-fairness=false",
                "--profiling=false",
                "--v=1"),
            dir.resolve("logs"));
    if (client == null) {
      client = clientFor(identities.adminToken());
      writeKubeconfig(identities.adminToken(), "default", kubeconfig());
    }
    awaitReady();
    LOG.info(
        "kube-apiserver ready in {} ms", Duration.ofNanos(System.nanoTime() - started).toMillis());
  }

  private void startControllers() {
    controllerManager =
        startClient(
            "controller-manager",
            identities.controllerManagerToken(),
            List.of(
                "--controllers=" + CONTROLLERS,
                "--service-account-private-key-file=" + keys.privateKey(),
                "--use-service-account-credentials=false"));
    scheduler = startClient("scheduler", identities.schedulerToken(), List.of());
    awaitControllers();
  }

  /**
   * Starts a component that is a client of the API server, with its own kubeconfig for {@code
   * token}, no leader election (it would exit when the API server is killed) and no serving port.
   */
  private ComponentProcess startClient(String component, String token, List<String> extraArgs) {
    Path kubeconfig = writeKubeconfig(token, "kube-system", dir.resolve(component + ".kubeconfig"));
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "--kubeconfig=" + kubeconfig,
                "--authentication-kubeconfig=" + kubeconfig,
                "--authorization-kubeconfig=" + kubeconfig,
                "--leader-elect=false",
                "--secure-port=0",
                "--v=1"));
    args.addAll(extraArgs);
    return ComponentProcess.start(binary, component, args, dir.resolve("logs"));
  }

  /** Polls {@code /readyz} until it answers {@code ok}. */
  private void awaitReady() {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!apiServer.isAlive()) {
        throw new IllegalStateException(
            "kube-apiserver exited:\n" + apiServer.logTail(30) + "\netcd:\n" + etcd.logTail(10));
      }
      try {
        if ("ok".equals(client.raw(serverUrl() + "/readyz"))) {
          return;
        }
      } catch (RuntimeException e) {
        // not up yet
      }
      sleep(200);
    }
    throw new IllegalStateException(
        "kube-apiserver not ready after " + READY_TIMEOUT + ":\n" + apiServer.logTail(30));
  }

  /** Waits for the service-account controller's {@code default/default} and a live scheduler. */
  private void awaitControllers() {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      for (ComponentProcess component : List.of(controllerManager, scheduler)) {
        if (!component.isAlive()) {
          throw new IllegalStateException(
              "kube-" + component.component() + " exited:\n" + component.logTail(30));
        }
      }
      try {
        if (client.serviceAccounts().inNamespace("default").withName("default").get() != null) {
          return;
        }
      } catch (RuntimeException e) {
        // retry
      }
      sleep(200);
    }
    throw new IllegalStateException(
        "kube-controller-manager did not create default/default:\n"
            + controllerManager.logTail(30));
  }

  /** Client configuration for {@code token} (TLS not verified: a self-signed serving cert). */
  public Config config(String token) {
    return new ConfigBuilder(Config.empty())
        .withMasterUrl(serverUrl())
        .withOauthToken(token)
        .withTrustCerts(true)
        .withDisableHostnameVerification(true)
        .withNamespace("default")
        .build();
  }

  /** Stops every component (scheduler first, etcd last) and deletes the directory. */
  @Override
  public void close() {
    Optional.ofNullable(client).ifPresent(KubernetesClient::close);
    for (ComponentProcess component :
        Stream.of(scheduler, controllerManager, apiServer, etcd)
            .filter(java.util.Objects::nonNull)
            .toList()) {
      component.stop();
    }
    deleteRecursively(dir);
  }

  private static void deleteRecursively(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      LOG.debug("could not delete {}", root, e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
