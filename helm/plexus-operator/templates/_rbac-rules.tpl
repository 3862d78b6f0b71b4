{{/*
RBAC rules the operator needs on namespaced resources. Rendered into one ClusterRole when all
namespaces are watched, or into a Role per watched namespace.
*/}}
{{- define "plexus.operatorNamespacedRules" -}}
# Reconcile PlexusTasks: watch them (informer), and update metadata (finalizers, labels).
- apiGroups: ["plexus.anth.us"]
  resources: ["plexustasks"]
  verbs: ["get", "list", "watch", "update", "patch"]
# The Cleaner removes its finalizer from deleted tasks; with OwnerReferencesPermissionEnforcement
# setting blockOwnerDeletion on the task's Job also needs update on this subresource.
- apiGroups: ["plexus.anth.us"]
  resources: ["plexustasks/finalizers"]
  verbs: ["update"]
# Write the operator's status fields (phase, conditions, jobName, pool, ...) as a merge patch.
- apiGroups: ["plexus.anth.us"]
  resources: ["plexustasks/status"]
  verbs: ["get", "update", "patch"]
# One Job per task: create it, watch it for completion, unsuspend/suspend it for pool concurrency,
# and delete it on cancel or after retention.
- apiGroups: ["batch"]
  resources: ["jobs"]
  verbs: ["get", "list", "watch", "create", "update", "patch", "delete"]
# Read the task pods to report the worker node and why a pod failed (read only).
- apiGroups: [""]
  resources: ["pods"]
  verbs: ["get", "list", "watch"]
# Read a failed pod's log tail when the runner could not report an error itself (read only).
- apiGroups: [""]
  resources: ["pods/log"]
  verbs: ["get"]
# Record Kubernetes Events on tasks (NoMatchingPool, Dispatched, Failed, ...).
- apiGroups: [""]
  resources: ["events"]
  verbs: ["create", "patch"]
{{- end }}

{{/* RBAC rules on the cluster-scoped PlexusWorkerPools (always a ClusterRole). */}}
{{- define "plexus.operatorPoolRules" -}}
# Route tasks to pools: read and watch the cluster-scoped PlexusWorkerPools.
- apiGroups: ["plexus.anth.us"]
  resources: ["plexusworkerpools"]
  verbs: ["get", "list", "watch"]
# Report each pool's active and queued task counts in its status.
- apiGroups: ["plexus.anth.us"]
  resources: ["plexusworkerpools/status"]
  verbs: ["update", "patch"]
{{- end }}
