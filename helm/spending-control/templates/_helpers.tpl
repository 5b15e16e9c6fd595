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

{{/*
Tag of an image that `make images` builds: image.tag, else global.imageTag, else the chart's appVersion; never latest.
Args: root, image (the image's values: repository, tag, pullPolicy).
*/}}
{{- define "sc.imageTag" -}}
{{- $tag := .image.tag | default .root.Values.global.imageTag | default .root.Chart.AppVersion | toString -}}
{{- if eq $tag "latest" -}}
{{- fail "image tag 'latest' is not allowed: pin a version" -}}
{{- end -}}
{{- $tag -}}
{{- end -}}

{{/* An image that `make images` builds: [<global.imageRegistry>/]<repository>:<tag>. Args: root, image. */}}
{{- define "sc.image" -}}
{{- $registry := .root.Values.global.imageRegistry | trimSuffix "/" -}}
{{- $ref := printf "%s:%s" .image.repository (include "sc.imageTag" .) -}}
{{- if $registry -}}
{{- $ref = printf "%s/%s" $registry $ref -}}
{{- end -}}
{{- $ref -}}
{{- end -}}

{{/* Pull policy of an image: its own, else global.imagePullPolicy. Args: root, image. */}}
{{- define "sc.pullPolicy" -}}
{{- .image.pullPolicy | default .root.Values.global.imagePullPolicy -}}
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

{{/* Name of the CloudNativePG Cluster. Arg: root. */}}
{{- define "sc.cnpgCluster" -}}
{{- include "sc.fullname" (dict "root" . "name" "db") -}}
{{- end -}}

{{/* PostgreSQL host: in-chart, CloudNativePG (its Pooler, else its read-write Service) or external. Arg: root. */}}
{{- define "sc.dbHost" -}}
{{- $pg := .Values.postgresql -}}
{{- if and $pg.enabled $pg.cloudnativepg.enabled -}}
{{- fail "postgresql.enabled and postgresql.cloudnativepg.enabled are exclusive: choose the in-chart PostgreSQL or CloudNativePG" -}}
{{- else if $pg.enabled -}}
{{- include "sc.fullname" (dict "root" . "name" "postgresql") -}}
{{- else if $pg.cloudnativepg.enabled -}}
{{- if $pg.cloudnativepg.pooler.enabled -}}
{{- printf "%s-pooler-rw" (include "sc.cnpgCluster" .) -}}
{{- else -}}
{{- printf "%s-rw" (include "sc.cnpgCluster" .) -}}
{{- end -}}
{{- else -}}
{{- required "postgresql.external.host is required when postgresql.enabled and postgresql.cloudnativepg.enabled are false" $pg.external.host -}}
{{- end -}}
{{- end -}}

{{- define "sc.jdbcUrl" -}}
{{- $pg := .Values.postgresql -}}
{{- $external := not (or $pg.enabled $pg.cloudnativepg.enabled) -}}
{{- $port := ternary $pg.external.port 5432 $external -}}
{{- $db := ternary $pg.external.database $pg.database $external -}}
{{- $params := ternary $pg.external.jdbcParameters (ternary $pg.cloudnativepg.jdbcParameters "" $pg.cloudnativepg.enabled) $external -}}
{{- $url := printf "jdbc:postgresql://%s:%v/%s" (include "sc.dbHost" .) $port $db -}}
{{- if $params -}}
{{- $url = printf "%s?%s" $url $params -}}
{{- end -}}
{{- $url -}}
{{- end -}}

{{/*
The database roles the chart creates (in-chart PostgreSQL or CloudNativePG): one per enabled service, and Keycloak's
when keycloak.enabled. Returns YAML {roles: [{role, schema, env, secret, key}]}, for fromYaml. Arg: root.
*/}}
{{- define "sc.dbRoles" -}}
{{- $roles := list -}}
{{- range $name, $c := .Values.components -}}
{{- if and $c.enabled $c.database -}}
{{- $roles = append $roles (dict "role" $c.database.username "schema" $c.database.schema "env" (printf "SC_%s_DB_PASSWORD" (include "sc.envName" $name)) "secret" (include "sc.dbSecretName" (dict "root" $ "name" $name "c" $c)) "key" $c.database.passwordKey) -}}
{{- end -}}
{{- end -}}
{{- if .Values.keycloak.enabled -}}
{{- $kc := .Values.keycloak.database -}}
{{- $roles = append $roles (dict "role" $kc.username "schema" $kc.schema "env" "SC_KEYCLOAK_DB_PASSWORD" "secret" (include "sc.keycloakDbSecretName" .) "key" $kc.passwordKey) -}}
{{- end -}}
{{- toYaml (dict "roles" $roles) -}}
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

{{/* Pod annotations for Prometheus scraping of /q/metrics on the management port. Arg: root. */}}
{{- define "sc.metricsAnnotations" -}}
{{- if .Values.metrics.annotations }}
prometheus.io/scrape: "true"
prometheus.io/path: /q/metrics
prometheus.io/port: "9000"
{{- end }}
{{- end -}}

{{/*
Public base URL of the gateway (GATEWAY_PUBLIC_BASE_URL): https://<first ingress host> when that host is in
ingress.tls, else http://<host>; empty without an ingress. Arg: root.
*/}}
{{- define "sc.publicBaseUrl" -}}
{{- $ing := .Values.ingress -}}
{{- if and $ing.enabled $ing.hosts -}}
{{- $host := (first $ing.hosts).host -}}
{{- $tls := false -}}
{{- range $ing.tls -}}
{{- if has $host .hosts -}}{{- $tls = true -}}{{- end -}}
{{- end -}}
{{- printf "%s://%s" (ternary "https" "http" $tls) $host -}}
{{- end -}}
{{- end -}}

{{- define "sc.smokeTestSecretName" -}}
{{- include "sc.secretName" (dict "root" . "existing" .Values.tests.client.existingSecret
      "generated" (include "sc.fullname" (dict "root" . "name" "smoke-test-client")) "path" "tests.client.existingSecret") -}}
{{- end -}}

{{/*
The realm the in-chart Keycloak imports, as JSON. The demo realm file with demoData; without it, the same realm
less its users and demo clients (every confidential client whose secret is a local-development one, and the
password-grant CLI client). Either way the smoke-test client of `helm test` is added (its secret from an environment
variable that Keycloak reads from the client's Secret), and the web client's redirect URIs follow the ingress host.
Arg: root.
*/}}
{{- define "sc.realmJson" -}}
{{- $v := .Values -}}
{{- $realm := .Files.Get "files/realm/spending-control-realm.json" | fromJson -}}
{{- $clients := list -}}
{{- $publicBase := include "sc.publicBaseUrl" . -}}
{{- range $realm.clients -}}
{{- $demo := or (eq .clientId "spending-control-cli") (hasPrefix "local-dev-only" (.secret | default "")) -}}
{{- if or $v.demoData (not $demo) -}}
{{- if and $publicBase (eq .clientId "spending-control-web") -}}
{{- $_ := set . "redirectUris" (list (printf "%s/*" $publicBase)) -}}
{{- $_ := set . "webOrigins" (list $publicBase) -}}
{{- end -}}
{{- $clients = append $clients . -}}
{{- end -}}
{{- end -}}
{{- $users := list -}}
{{- if $v.demoData -}}
{{- $users = $realm.users | default list -}}
{{- end -}}
{{- if $v.tests.enabled -}}
{{- $id := $v.tests.client.id -}}
{{- $clients = append $clients (dict "clientId" $id "name" "helm test (read-only smoke test)" "enabled" true
      "publicClient" false "clientAuthenticatorType" "client-secret" "secret" "${SC_SMOKE_TEST_CLIENT_SECRET}"
      "standardFlowEnabled" false "directAccessGrantsEnabled" false "serviceAccountsEnabled" true
      "protocol" "openid-connect") -}}
{{- $users = append $users (dict "username" (printf "service-account-%s" $id) "enabled" true
      "serviceAccountClientId" $id "realmRoles" (list (printf "default-roles-%s" $realm.realm) "department-reader")
      "attributes" (dict "department" (list $v.tests.client.department))) -}}
{{- end -}}
{{- $_ := set $realm "clients" $clients -}}
{{- $_ := set $realm "users" $users -}}
{{- toPrettyJson $realm -}}
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
