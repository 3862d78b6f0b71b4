{{/* Chart name, truncated to the 63 characters of a DNS label. */}}
{{- define "plexus.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Full name prefix of every resource of the release. */}}
{{- define "plexus.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else if hasPrefix .Release.Name $name }}
{{- /* release "plexus", chart "plexus-operator": plexus-operator, not plexus-plexus-operator */}}
{{- $name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/* Labels on every resource. */}}
{{- define "plexus.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
app.kubernetes.io/name: {{ include "plexus.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: plexus
{{- end }}

{{/* Selector labels of the operator pods. */}}
{{- define "plexus.selectorLabels" -}}
app.kubernetes.io/name: {{ include "plexus.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: operator
{{- end }}

{{/* Selector labels of the bridge poller pods. */}}
{{- define "plexus.bridgeSelectorLabels" -}}
app.kubernetes.io/name: {{ include "plexus.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: bridge-poller
{{- end }}

{{/* The operator's ServiceAccount name. */}}
{{- define "plexus.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "plexus.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* The bridge poller's ServiceAccount name. */}}
{{- define "plexus.bridgeServiceAccountName" -}}
{{- if .Values.bridge.poller.serviceAccount.create }}
{{- default (printf "%s-bridge" (include "plexus.fullname" .)) .Values.bridge.poller.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.bridge.poller.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* An image reference from {repository, tag, digest}: the digest wins, the tag defaults to appVersion. Call with (list <image values> <root>). */}}
{{- define "plexus.image" -}}
{{- $image := index . 0 }}
{{- $root := index . 1 }}
{{- if $image.digest }}
{{- printf "%s@%s" $image.repository $image.digest }}
{{- else }}
{{- printf "%s:%s" $image.repository (default $root.Chart.AppVersion $image.tag) }}
{{- end }}
{{- end }}

{{/* "true" when the operator runs leader election (explicitly, or because replicaCount > 1). */}}
{{- define "plexus.leaderElection" -}}
{{- if or .Values.leaderElection.enabled (gt (int .Values.replicaCount) 1) }}true{{ else }}false{{ end }}
{{- end }}

{{/*
Namespaces tasks run in, where the runner ServiceAccount and Role are created, as a JSON list:
runner.namespaces, else the watchNamespaces, else the release namespace; plus, with the bridge
poller on, every namespace it creates PlexusTasks in. The one place these namespaces are decided.
*/}}
{{- define "plexus.runnerNamespaces" -}}
{{- $namespaces := list }}
{{- if .Values.runner.namespaces }}
{{- $namespaces = .Values.runner.namespaces }}
{{- else if .Values.watchNamespaces }}
{{- $namespaces = .Values.watchNamespaces }}
{{- else }}
{{- $namespaces = list .Release.Namespace }}
{{- end }}
{{- if .Values.bridge.poller.enabled }}
{{- $namespaces = concat $namespaces (include "plexus.bridgeTargetNamespaces" . | fromJsonArray) }}
{{- end }}
{{- $namespaces | uniq | toJson }}
{{- end }}

{{/* Namespaces the bridge poller creates PlexusTasks in, as a JSON list. */}}
{{- define "plexus.bridgeTargetNamespaces" -}}
{{- $namespaces := list .Values.bridge.poller.defaultNamespace }}
{{- range $account, $namespace := .Values.bridge.poller.accountNamespaces }}
{{- $namespaces = append $namespaces $namespace }}
{{- end }}
{{- $namespaces | uniq | sortAlpha | toJson }}
{{- end }}

{{/* The PLEXUS_DYNAMODB_* variables shared by the operator and the bridge poller. */}}
{{- define "plexus.dynamodbEnv" -}}
- name: PLEXUS_DYNAMODB_ENABLED
  value: {{ .Values.dynamodb.enabled | quote }}
- name: PLEXUS_DYNAMODB_REGION
  value: {{ .Values.dynamodb.region | quote }}
- name: PLEXUS_DYNAMODB_ENDPOINT
  value: {{ .Values.dynamodb.endpoint | quote }}
- name: PLEXUS_DYNAMODB_TASK_TABLE
  value: {{ .Values.dynamodb.taskTable | quote }}
- name: PLEXUS_DYNAMODB_STAGE_TABLE
  value: {{ .Values.dynamodb.stageTable | quote }}
- name: PLEXUS_DYNAMODB_DATASTORE_FIELDS
  value: {{ .Values.dynamodb.dataStoreFields | quote }}
{{- end }}

{{/* bridge.poller.accountNamespaces as PLEXUS_BRIDGE_NAMESPACE_MAP: "acct1=ns1,acct2=ns2" (sorted by account). */}}
{{- define "plexus.bridgeNamespaceMap" -}}
{{- $pairs := list }}
{{- range $account := keys .Values.bridge.poller.accountNamespaces | sortAlpha }}
{{- $pairs = append $pairs (printf "%s=%s" $account (index $.Values.bridge.poller.accountNamespaces $account)) }}
{{- end }}
{{- join "," $pairs }}
{{- end }}

{{/* The Secret holding the AppSync API key: appsync.existingSecret, else <fullname>-appsync. */}}
{{- define "plexus.appsyncSecretName" -}}
{{- default (printf "%s-appsync" (include "plexus.fullname" .)) .Values.appsync.existingSecret }}
{{- end }}

{{/* PLEXUS_TASK_SINK and PLEXUS_APPSYNC_* for the operator (which passes them on to Jobs). */}}
{{- define "plexus.taskSinkEnv" -}}
{{- if ne .Values.taskSink "dynamodb" }}
- name: PLEXUS_TASK_SINK
  value: {{ .Values.taskSink | quote }}
- name: PLEXUS_APPSYNC_URL
  value: {{ required "appsync.url is required when taskSink is appsync or both" .Values.appsync.url | quote }}
- name: PLEXUS_APPSYNC_AUTH
  value: {{ .Values.appsync.auth | quote }}
- name: PLEXUS_APPSYNC_REGION
  value: {{ .Values.appsync.region | quote }}
{{- if eq .Values.appsync.auth "apiKey" }}
- name: PLEXUS_APPSYNC_API_KEY
  valueFrom:
    secretKeyRef:
      name: {{ include "plexus.appsyncSecretName" . }}
      key: apiKey
- name: PLEXUS_APPSYNC_API_KEY_SECRET
  value: {{ include "plexus.appsyncSecretName" . | quote }}
{{- end }}
{{- end }}
{{- end }}
