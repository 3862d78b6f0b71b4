{{/*
RBAC rules the operator needs on namespaced resources. Rendered into one ClusterRole when all
namespaces are watched, or into a Role per watched namespace.
*/}}
{{- define "plexus.operatorNamespacedRules" -}}
# Tasks: list/watch feed the reconciler's informer; get re-reads a task (before its first status
# write, and when a finalizer patch conflicts); patch adds/removes the SDK's finalizer (JSON Patch)
# and writes spec.taskId; delete removes a finished task once ttlSecondsAfterFinished has passed.
- apiGroups: ["plexus.anth.us"]
  resources: ["plexustasks"]
  verbs: ["get", "list", "watch", "patch", "delete"]
# Each Job's ownerReference to its task sets blockOwnerDeletion, which clusters running the
# OwnerReferencesPermissionEnforcement admission plugin (e.g. OpenShift) allow only with this.
- apiGroups: ["plexus.anth.us"]
  resources: ["plexustasks/finalizers"]
  verbs: ["update"]
# The operator's status fields (phase, conditions, jobName, pool, ...), written as a JSON Patch.
- apiGroups: ["plexus.anth.us"]
  resources: ["plexustasks/status"]
  verbs: ["patch"]
# One Job per task: create it (get when it already exists), list/watch for completion and pool
# counts, patch spec.suspend to release a queued Job, delete it on cancel or task deletion.
- apiGroups: ["batch"]
  resources: ["jobs"]
  verbs: ["get", "list", "watch", "create", "patch", "delete"]
# The informer on task pods: worker node and running state (read only, from the cache).
- apiGroups: [""]
  resources: ["pods"]
  verbs: ["list", "watch"]
# Kubernetes Events on tasks (NoMatchingPool, Dispatched, Failed, ...); a repeat is a patch.
# list: a pod-less Job's newest FailedCreate Event says why (PodNotCreated, e.g. no such SA).
- apiGroups: [""]
  resources: ["events"]
  verbs: ["list", "create", "patch"]
{{- end }}

{{/* RBAC rules on the cluster-scoped PlexusWorkerPools (always a ClusterRole). */}}
{{- define "plexus.operatorPoolRules" -}}
# Route tasks to pools: the informer on the cluster-scoped PlexusWorkerPools.
- apiGroups: ["plexus.anth.us"]
  resources: ["plexusworkerpools"]
  verbs: ["list", "watch"]
# Each pool's active and queued task counts, written as a merge patch of its status.
- apiGroups: ["plexus.anth.us"]
  resources: ["plexusworkerpools/status"]
  verbs: ["patch"]
# Whether the approval admission policy and its binding are installed (approvals are trusted
# only then; docs/concepts/approvals.md).
- apiGroups: ["admissionregistration.k8s.io"]
  resources: ["validatingadmissionpolicies", "validatingadmissionpolicybindings"]
  resourceNames: ["plexus-task-approvals"]
  verbs: ["get"]
# Warning Events on a pool whose spec is invalid (InvalidSpec); a cluster-scoped object's Events
# live in namespace "default".
- apiGroups: [""]
  resources: ["events"]
  verbs: ["create", "patch"]
{{- end }}
