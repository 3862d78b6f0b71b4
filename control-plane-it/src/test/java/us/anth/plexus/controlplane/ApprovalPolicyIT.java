package us.anth.plexus.controlplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static us.anth.plexus.controlplane.OperatorOnCluster.eventually;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.api.PlexusTaskStatus;
import us.anth.plexus.api.TaskPhase;
import us.anth.plexus.api.approval.ApprovalAdmission;
import us.anth.plexus.api.approval.ApprovalDecision;
import us.anth.plexus.api.risk.RiskLevel;
import us.anth.plexus.cli.PlexusCtl;
import us.anth.plexus.operator.testing.TestPools;
import us.anth.plexus.operator.testing.TestTasks;

/**
 * The chart's approval admission policies, rendered offline exactly as `helm template` does for
 * Kubernetes 1.36, enforced by a real kube-apiserver, with the real operator running: three
 * service-account users in one namespace — a requester (who may also approve), an approver and an
 * outsider without the approve grant. The policy binding is scoped to this test's namespace.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApprovalPolicyIT {
  private static final String SCOPE_LABEL = "plexus.anth.us/approvals-it";
  private static final Set<String> POLICY_KINDS =
      Set.of(
          "ValidatingAdmissionPolicy",
          "ValidatingAdmissionPolicyBinding",
          "MutatingAdmissionPolicy",
          "MutatingAdmissionPolicyBinding",
          "ClusterRole");

  private RealCluster cluster;
  private OperatorOnCluster on;
  private String ns;
  private List<HasMetadata> policyObjects;
  private KubernetesClient requester;
  private KubernetesClient approver;
  private KubernetesClient outsider;

  @BeforeAll
  void installPolicyUsersAndPool() {
    cluster = RealCluster.get();
    on = OperatorOnCluster.start(cluster);
    ns = on.namespace;
    admin().namespaces().withName(ns).edit(n -> label(n, SCOPE_LABEL, "true"));
    policyObjects =
        ChartRbac.render(
            "approvals:\n  namespaceSelector:\n    matchLabels:\n      "
                + SCOPE_LABEL
                + ": \"true\"\n",
            "1.36.3",
            POLICY_KINDS,
            cluster.workDir);
    policyObjects =
        policyObjects.stream()
            .filter(
                o ->
                    !o.getKind().equals("ClusterRole")
                        || o.getMetadata()
                            .getName()
                            .equals(ApprovalAdmission.APPROVER_CLUSTER_ROLE))
            .toList();
    assertThat(policyObjects).extracting(HasMetadata::getKind).containsAll(POLICY_KINDS);
    policyObjects.forEach(o -> admin().resource(o).forceConflicts().serverSideApply());

    admin()
        .resource(
            new RoleBuilder()
                .withNewMetadata()
                .withName("task-author")
                .withNamespace(ns)
                .endMetadata()
                .withRules(
                    new PolicyRuleBuilder()
                        .withApiGroups("plexus.anth.us")
                        .withResources("plexustasks")
                        .withVerbs("get", "list", "watch", "create", "patch", "update")
                        .build())
                .build())
        .create();
    for (String user : List.of("requester", "approver", "outsider")) {
      admin()
          .resource(
              new ServiceAccountBuilder()
                  .withNewMetadata()
                  .withName(user)
                  .withNamespace(ns)
                  .endMetadata()
                  .build())
          .create();
      bind(user, "Role", "task-author");
    }
    bind("requester", "ClusterRole", ApprovalAdmission.APPROVER_CLUSTER_ROLE);
    bind("approver", "ClusterRole", ApprovalAdmission.APPROVER_CLUSTER_ROLE);
    requester = cluster.clientFor(ns, "requester", new ForbiddenRequests());
    approver = cluster.clientFor(ns, "approver", new ForbiddenRequests());
    outsider = cluster.clientFor(ns, "outsider", new ForbiddenRequests());

    on.createPool(
        TestPools.withRisk(
            TestPools.pool(ns + "-p", ns + "/*"),
            RiskLevel.Destructive,
            null,
            "echo delete *=Destructive",
            "true *=ReadOnly"));
    awaitPoliciesEnforced();
  }

  @AfterAll
  void removePolicies() {
    for (KubernetesClient client : List.of(requester, approver, outsider)) {
      if (client != null) {
        client.close();
      }
    }
    if (policyObjects != null) {
      policyObjects.forEach(o -> admin().resource(o).delete());
    }
    if (on != null) {
      on.close();
    }
  }

  private KubernetesClient admin() {
    return cluster.admin();
  }

  private String user(String account) {
    return "system:serviceaccount:" + ns + ":" + account;
  }

  private static <T extends HasMetadata> T label(T object, String key, String value) {
    var labels = new java.util.HashMap<String, String>();
    if (object.getMetadata().getLabels() != null) {
      labels.putAll(object.getMetadata().getLabels());
    }
    labels.put(key, value);
    object.getMetadata().setLabels(labels);
    return object;
  }

  private void bind(String account, String kind, String role) {
    admin()
        .resource(
            new RoleBindingBuilder()
                .withNewMetadata()
                .withName(account + "-" + role)
                .withNamespace(ns)
                .endMetadata()
                .withNewRoleRef("rbac.authorization.k8s.io", kind, role)
                .addNewSubject()
                .withKind("ServiceAccount")
                .withName(account)
                .withNamespace(ns)
                .endSubject()
                .build())
        .create();
  }

  /** Policies take effect a moment after they are created: probe until both are enforced. */
  private void awaitPoliciesEnforced() {
    eventually()
        .until(
            () -> {
              PlexusTask stamped = create(requester, "probe-" + suffix(), "true");
              boolean mutated =
                  user("requester")
                      .equals(
                          stamped
                              .getMetadata()
                              .getAnnotations()
                              .get(ApprovalAdmission.CREATED_BY_ANNOTATION));
              try {
                create(
                    outsider,
                    TestTasks.builder()
                        .name("probe-" + suffix())
                        .target("nowhere/x")
                        .approval(ApprovalDecision.Approved, user("outsider"), null)
                        .buildNew());
                return false;
              } catch (KubernetesClientException e) {
                return mutated && e.getMessage().contains("may not approve or reject");
              }
            });
  }

  private static String suffix() {
    return UUID.randomUUID().toString().substring(0, 6);
  }

  private PlexusTask create(KubernetesClient as, String name, String command) {
    return create(
        as, TestTasks.builder().name(name).target(ns + "/work").command(command).buildNew());
  }

  private PlexusTask create(KubernetesClient as, PlexusTask task) {
    task.getMetadata().setNamespace(ns);
    return as.resource(task).create();
  }

  private Resource<PlexusTask> task(KubernetesClient as, String name) {
    return as.resources(PlexusTask.class).inNamespace(ns).withName(name);
  }

  private PlexusTask decide(
      KubernetesClient as, String name, String decision, String user, String reason) {
    String json =
        "{\"spec\":{\"approval\":{\"decision\":\""
            + decision
            + "\",\"user\":\""
            + user
            + "\""
            + (reason == null ? "" : ",\"reason\":\"" + reason + "\"")
            + "}}}";
    return task(as, name).patch(PatchContext.of(PatchType.JSON_MERGE), json);
  }

  private static void assertRefused(Runnable call, String message) {
    assertThatThrownBy(call::run)
        .isInstanceOf(KubernetesClientException.class)
        .hasMessageContaining(message)
        .satisfies(e -> assertThat(((KubernetesClientException) e).getCode()).isIn(403, 422));
  }

  private PlexusTaskStatus awaitRisk(String name) {
    return eventually().until(() -> on.status(name), s -> s.getRisk() != null);
  }

  @Test
  void theCreatorIsRecordedAtCreateWhateverTheBodySaysAndCannotBeChanged() {
    PlexusTask task =
        TestTasks.builder()
            .name("who-" + suffix())
            .target(ns + "/work")
            .command("true")
            .createdBy("someone-else")
            .buildNew();
    PlexusTask created = create(requester, task);
    assertThat(created.getMetadata().getAnnotations())
        .containsEntry(ApprovalAdmission.CREATED_BY_ANNOTATION, user("requester"));

    assertRefused(
        () ->
            // A merge patch without resourceVersion: an edit() raced the operator's finalizer
            // (409 Conflict in CI) before admission could refuse it.
            task(requester, created.getMetadata().getName())
                .patch(
                    PatchContext.of(PatchType.JSON_MERGE),
                    "{\"metadata\":{\"annotations\":{\""
                        + ApprovalAdmission.CREATED_BY_ANNOTATION
                        + "\":\"someone-else\"}}}"),
        "the annotation plexus.anth.us/created-by cannot be changed");
  }

  @Test
  void theRequesterCannotApproveTheirOwnDestructiveTask() {
    String name = "own-" + suffix();
    create(requester, name, "echo delete everything");
    PlexusTaskStatus assessed = awaitRisk(name);
    assertThat(assessed.getRisk()).isEqualTo(RiskLevel.Destructive);
    on.awaitPhase(name, TaskPhase.AwaitingApproval);

    assertRefused(
        () -> decide(requester, name, "Approved", user("requester"), "mine"),
        "user " + user("requester") + " created this task and may not approve it");
    assertThat(on.task(name).getSpec().getApproval()).isNull();
    assertThat(on.jobOf(name)).isNull();
  }

  @Test
  void aUserWithoutTheApproveGrantIsRefusedWithThePolicysMessage() {
    String name = "grant-" + suffix();
    create(requester, name, "echo delete x");
    awaitRisk(name);

    assertRefused(
        () -> decide(outsider, name, "Approved", user("outsider"), null),
        "ValidatingAdmissionPolicy 'plexus-task-approvals' with binding 'plexus-task-approvals'"
            + " denied request: user "
            + user("outsider")
            + " may not approve or reject PlexusTasks in namespace "
            + ns
            + ": that needs the verb approve on plexustasks.plexus.anth.us (ClusterRole"
            + " plexus-approver)");
    assertRefused(
        () -> decide(outsider, name, "Rejected", user("outsider"), null),
        "may not approve or reject");
  }

  @Test
  void aBodyNamingSomeoneElseIsRefused() {
    String name = "forge-" + suffix();
    create(requester, name, "echo delete x");

    assertRefused(
        () -> decide(approver, name, "Approved", "the-boss", null),
        "spec.approval.user must be your own username " + user("approver") + ", not the-boss");
    assertRefused(
        () -> decide(requester, name, "Approved", user("approver"), null),
        "spec.approval.user must be your own username " + user("requester"));
    assertThat(on.task(name).getSpec().getApproval()).isNull();
  }

  @Test
  void anApprovedTaskRunsAndNeitherItsApprovalNorItsSpecCanChangeAfterwards() {
    String name = "ok-" + suffix();
    create(requester, name, "echo delete old-data");
    on.awaitPhase(name, TaskPhase.AwaitingApproval);

    decide(approver, name, "Approved", user("approver"), "reviewed");
    PlexusTaskStatus done = on.awaitPhase(name, TaskPhase.Succeeded);
    assertThat(done.getApproval().getDecidedBy()).isEqualTo(user("approver"));
    assertThat(done.getApproval().getRequester()).isEqualTo(user("requester"));
    assertThat(done.getStdoutTail()).contains("delete old-data");

    assertRefused(
        () -> decide(approver, name, "Rejected", user("approver"), "changed my mind"),
        "cannot be changed once given");
    assertRefused(
        () ->
            task(requester, name)
                .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"timeoutSeconds\":5}}"),
        "the spec of an approved or rejected task cannot change (only cancel)");
  }

  @Test
  void aRejectedTaskEndsCancelledWithWhoAndWhy() {
    String name = "no-" + suffix();
    create(requester, name, "echo delete all");
    on.awaitPhase(name, TaskPhase.AwaitingApproval);

    decide(approver, name, "Rejected", user("approver"), "wrong dataset");
    PlexusTaskStatus rejected = on.awaitPhase(name, TaskPhase.Cancelled);
    assertThat(rejected.getCancelledBy()).isEqualTo(user("approver"));
    assertThat(rejected.getErrorMessage())
        .isEqualTo("Rejected by " + user("approver") + ": wrong dataset");
    assertThat(rejected.getApproval().getDecision()).isEqualTo(ApprovalDecision.Rejected);
    assertThat(on.jobOf(name)).isNull();
  }

  @Test
  void plexusctlApprovesAsTheKubeconfigsUserAndSaysWhyWhenRefused() {
    String name = "cli-" + suffix();
    create(requester, name, "echo delete via-cli");
    on.awaitPhase(name, TaskPhase.AwaitingApproval);
    Path approverConfig =
        cluster.plane.writeKubeconfig(
            cluster.tokenOf(ns, "approver"), ns, cluster.workDir.resolve("approver-" + name));
    Path outsiderConfig =
        cluster.plane.writeKubeconfig(
            cluster.tokenOf(ns, "outsider"), ns, cluster.workDir.resolve("outsider-" + name));

    Cli refused = Cli.run("approve", name, "--kubeconfig", outsiderConfig.toString());
    assertThat(refused.exitCode).isEqualTo(1);
    // one readable line (other stderr lines are the classpath's logging noise)
    assertThat(refused.err.lines().filter(line -> line.startsWith("error: ")))
        .singleElement()
        .asString()
        .contains("denied request: user " + user("outsider") + " may not approve or reject");

    Cli approved =
        Cli.run("approve", name, "--kubeconfig", approverConfig.toString(), "--reason", "fine");
    assertThat(approved.exitCode).as(approved.err).isZero();
    assertThat(approved.out)
        .isEqualTo("task/" + name + " approved by " + user("approver") + ": fine\n");
    assertThat(on.task(name).getSpec().getApproval().getUser()).isEqualTo(user("approver"));
    on.awaitPhase(name, TaskPhase.Succeeded);
  }

  /** One in-process plexusctl run with its output. */
  private record Cli(int exitCode, String out, String err) {
    static synchronized Cli run(String... args) {
      PrintStream stdout = System.out;
      PrintStream stderr = System.err;
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      try {
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int code = PlexusCtl.commandLine(false).execute(args);
        return new Cli(
            code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
      } finally {
        System.setOut(stdout);
        System.setErr(stderr);
      }
    }
  }
}
