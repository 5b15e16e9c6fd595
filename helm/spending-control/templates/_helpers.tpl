{{/*
Named templates shared by every object of the chart. Most take a dict:
  root  the chart's root context ($)
  name  the component's name (gateway, budget, ..., postgresql, keycloak)
  c     the component's values (components.<name>)
*/}}

{{/* Prefix of every object name: fullnameOverride or the release name. */}}
{{- define "sc.prefix" -}}
{{- .Values.fullnameOverride | default .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- end -}}

{{/* Name of a component's objects: <prefix>-<name>. Args: root, name. */}}
{{- define "sc.fullname" -}}
{{- printf "%s-%s" (include "sc.prefix" .root) .name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "sc.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Selector labels. Args: root, name. */}}
{{- define "sc.selectorLabels" -}}
app.kubernetes.io/name: {{ .name | quote }}
app.kubernetes.io/instance: {{ .root.Release.Name | quote }}
{{- end -}}

{{/*
Recommended labels. Args: root, name, role (gateway, service, database, identity, test), version.
*/}}
{{- define "sc.labels" -}}
{{ include "sc.selectorLabels" . }}
app.kubernetes.io/version: {{ .version | trunc 63 | trimSuffix "-" | quote }}
app.kubernetes.io/component: {{ .role | quote }}
app.kubernetes.io/part-of: {{ .root.Chart.Name | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service | quote }}
helm.sh/chart: {{ include "sc.chart" .root | quote }}
{{- end -}}

{{/* Role of a Spending Control component: gateway or service. Args: name. */}}
{{- define "sc.role" -}}
{{- if eq .name "gateway" }}gateway{{ else }}service{{ end -}}
{{- end -}}

{{/* Image tag of a Spending Control component. Args: root, c. */}}
{{- define "sc.componentTag" -}}
{{- $tag := .c.image.tag | default .root.Values.global.imageTag | default .root.Chart.AppVersion | toString -}}
{{- if eq $tag "latest" -}}
{{- fail "image tag 'latest' is not allowed: pin a version" -}}
{{- end -}}
{{- $tag -}}
{{- end -}}

{{/* Image of a Spending Control component: [<global.imageRegistry>/]<repository>:<tag>. Args: root, c. */}}
{{- define "sc.componentImage" -}}
{{- $registry := .root.Values.global.imageRegistry | trimSuffix "/" -}}
{{- $tag := include "sc.componentTag" . -}}
{{- if $registry -}}
{{- printf "%s/%s:%s" $registry .c.image.repository $tag -}}
{{- else -}}
{{- printf "%s:%s" .c.image.repository $tag -}}
{{- end -}}
{{- end -}}

{{/* Upper snake case of a component name: outcome-delivery-plan -> OUTCOME_DELIVERY_PLAN. */}}
{{- define "sc.envName" -}}
{{- . | replace "-" "_" | upper -}}
{{- end -}}

{{/*
Name of a Secret: the existing one when named, else the chart-generated one when createSecrets, else fail.
Args: root, existing, generated, path (the value to set, for the error message).
*/}}
{{- define "sc.secretName" -}}
{{- if .existing -}}
{{- .existing -}}
{{- else if .root.Values.createSecrets -}}
{{- .generated -}}
{{- else -}}
{{- fail (printf "%s must name an existing Secret when createSecrets is false" .path) -}}
{{- end -}}
{{- end -}}

{{/* Secret holding a service's database password. Args: root, name, c. */}}
{{- define "sc.dbSecretName" -}}
{{- include "sc.secretName" (dict "root" .root "existing" .c.database.existingSecret
      "generated" (printf "%s-db" (include "sc.fullname" .)) "path" (printf "components.%s.database.existingSecret" .name)) -}}
{{- end -}}

{{- define "sc.postgresqlSecretName" -}}
{{- include "sc.secretName" (dict "root" . "existing" .Values.postgresql.auth.existingSecret
      "generated" (include "sc.fullname" (dict "root" . "name" "postgresql")) "path" "postgresql.auth.existingSecret") -}}
{{- end -}}

{{- define "sc.keycloakAdminSecretName" -}}
{{- include "sc.secretName" (dict "root" . "existing" .Values.keycloak.admin.existingSecret
      "generated" (include "sc.fullname" (dict "root" . "name" "keycloak-admin")) "path" "keycloak.admin.existingSecret") -}}
{{- end -}}

{{- define "sc.keycloakDbSecretName" -}}
{{- include "sc.secretName" (dict "root" . "existing" .Values.keycloak.database.existingSecret
      "generated" (include "sc.fullname" (dict "root" . "name" "keycloak-db")) "path" "keycloak.database.existingSecret") -}}
{{- end -}}

{{/*
A generated secret value, base64: the value already in the cluster when the Secret exists (so upgrades keep it),
else a random one. Args: root, secret (name), key.
*/}}
{{- define "sc.secretValue" -}}
{{- $existing := lookup "v1" "Secret" .root.Release.Namespace .secret -}}
{{- $data := dig "data" dict ($existing | default dict) -}}
{{- if hasKey $data .key -}}
{{- index $data .key -}}
{{- else -}}
{{- randAlphaNum 32 | b64enc -}}
{{- end -}}
{{- end -}}

{{/* PostgreSQL host, port and database: in-chart or external. Arg: root. */}}
{{- define "sc.dbHost" -}}
{{- if .Values.postgresql.enabled -}}
{{- include "sc.fullname" (dict "root" . "name" "postgresql") -}}
{{- else -}}
{{- required "postgresql.external.host is required when postgresql.enabled is false" .Values.postgresql.external.host -}}
{{- end -}}
{{- end -}}

{{- define "sc.jdbcUrl" -}}
{{- $pg := .Values.postgresql -}}
{{- $port := ternary 5432 $pg.external.port $pg.enabled -}}
{{- $db := ternary $pg.database $pg.external.database $pg.enabled -}}
{{- $url := printf "jdbc:postgresql://%s:%v/%s" (include "sc.dbHost" .) $port $db -}}
{{- if and (not $pg.enabled) $pg.external.jdbcParameters -}}
{{- $url = printf "%s?%s" $url $pg.external.jdbcParameters -}}
{{- end -}}
{{- $url -}}
{{- end -}}

{{/* Internal realm URL (where the components fetch OIDC metadata and keys). Arg: root. */}}
{{- define "sc.oidcAuthServerUrl" -}}
{{- $v := .Values -}}
{{- if $v.oidc.authServerUrl -}}
{{- $v.oidc.authServerUrl -}}
{{- else if $v.keycloak.enabled -}}
{{- printf "http://%s:8080/realms/%s" (include "sc.fullname" (dict "root" . "name" "keycloak")) $v.oidc.realm -}}
{{- else -}}
{{- printf "%s/realms/%s" ($v.keycloak.external.url | default $v.keycloak.publicUrl | trimSuffix "/") $v.oidc.realm -}}
{{- end -}}
{{- end -}}

{{/* Public token issuer. Arg: root. */}}
{{- define "sc.oidcIssuer" -}}
{{- $v := .Values -}}
{{- $v.oidc.issuer | default (printf "%s/realms/%s" ($v.keycloak.publicUrl | trimSuffix "/") $v.oidc.realm) -}}
{{- end -}}

{{/* Pod annotations for Prometheus scraping of /q/metrics. Arg: root. */}}
{{- define "sc.metricsAnnotations" -}}
{{- if .Values.metrics.annotations }}
prometheus.io/scrape: "true"
prometheus.io/path: /q/metrics
prometheus.io/port: "8080"
{{- end }}
{{- end -}}

{{/* Hardened container securityContext for the third-party containers. Arg: the user id. */}}
{{- define "sc.restrictedContainerSecurityContext" -}}
runAsNonRoot: true
runAsUser: {{ . }}
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
privileged: false
capabilities:
  drop: [ALL]
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{/*
Effective settings of a component: the top-level dict with the component's own keys overriding it (a per-component
enabled: false wins over a top-level true). Args: global, override. Returns YAML (use with fromYaml).
*/}}
{{- define "sc.effective" -}}
{{- $out := deepCopy .global -}}
{{- range $k, $v := (.override | default dict) -}}
{{- $_ := set $out $k $v -}}
{{- end -}}
{{- toYaml $out -}}
{{- end -}}
