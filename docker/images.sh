#!/usr/bin/env bash
# Builds every image of the suite with podman, without a daemon and without a registry (`make images`):
#
#   spending-control/jre         slim Java 17 runtime assembled from Debian packages (no shell, no package manager)
#   spending-control/<module>    gateway, budget, outcome-delivery-plan, delegation-rules, reporting: the module's
#                                Quarkus fast-jar on the JRE image (docker/Dockerfile.jvm)
#   spending-control/keycloak    Keycloak, `kc.sh build` for PostgreSQL, started with `start --optimized`
#   spending-control/postgresql  demo PostgreSQL 15 from Debian, compatible with the official image's entrypoint
#   spending-control/smoke-test  the `helm test` program (docker/smoke-test/SmokeTest.java)
#
# Each image is tagged <chart appVersion> (the chart's default tag) and <appVersion>-<commit> (with -dirty when the
# work tree has uncommitted changes), never "latest", and carries the OCI labels and annotations.
#
# The Debian root filesystems (debootstrap) are cached as podman images whose tag is a hash of their inputs (Debian
# suite, mirror, packages and this recipe), so only the first run pays for debootstrap (about 30-60 s each).
#
# Environment:
#   SC_SKIP_BUILD=1        do not run Maven; use the fast-jars already in */target/quarkus-app (they must have been
#                          built with the management interface, quarkus.management.enabled, as the chart expects)
#   SC_DEBIAN_MIRROR       Debian mirror for debootstrap (default: the first deb.debian.org-style URI apt uses)
#   SC_IMAGES              which images to build (default: all), e.g. "budget keycloak"
#   SC_IMAGES_REPORT       file to write "image size-in-bytes" lines to
#   SC_KEYCLOAK_VERSION    Keycloak version (default 26.7.3, from Maven Central: org.keycloak:keycloak-quarkus-dist)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

SUITE=bookworm
KC_VERSION=${SC_KEYCLOAK_VERSION:-26.7.3}
MODULES="gateway services/budget services/outcome-delivery-plan services/delegation-rules services/reporting"
ALL_IMAGES="gateway budget outcome-delivery-plan delegation-rules reporting keycloak postgresql smoke-test"
WANT=${SC_IMAGES:-$ALL_IMAGES}
WORK=$ROOT/target/images
# Bump when the way a root filesystem is made changes, so that cached ones are rebuilt.
RECIPE=3

say() { printf 'images: %s\n' "$*"; }
die() { printf 'images: %s\n' "$*" >&2; exit 1; }
wanted() { [[ " $WANT " == *" $1 "* ]]; }

"$ROOT/docker/podman-setup.sh"

VERSION=$(sed -n 's/^appVersion: *"\{0,1\}\([^"]*\)"\{0,1\}$/\1/p' helm/spending-control/Chart.yaml)
[ -n "$VERSION" ] || die "no appVersion in helm/spending-control/Chart.yaml"
COMMIT=$(git rev-parse HEAD 2>/dev/null || echo unknown)
SHORT=${COMMIT:0:12}
if [ "$COMMIT" != unknown ] && [ -n "$(git status --porcelain --untracked-files=no 2>/dev/null)" ]; then SHORT=$SHORT-dirty; fi
TAG_COMMIT=$VERSION-$SHORT
CREATED=$(date -u +%Y-%m-%dT%H:%M:%SZ)
SOURCE=$(git config --get remote.origin.url 2>/dev/null || true)

mirror() {
  if [ -n "${SC_DEBIAN_MIRROR:-}" ]; then echo "$SC_DEBIAN_MIRROR"; return; fi
  local m
  m=$(grep -hE '^(URIs:|deb )' /etc/apt/sources.list /etc/apt/sources.list.d/*.sources /etc/apt/sources.list.d/*.list 2>/dev/null \
      | grep -oE 'https?://[^ ]+/debian/?' | grep -v security | head -n 1 || true)
  echo "${m:-http://deb.debian.org/debian}"
}
MIRROR=$(mirror)

# OCI labels (image config) and annotations (manifest) of an image: name, title, description
oci_args() {
  local kv
  for kv in "org.opencontainers.image.title=$2" "org.opencontainers.image.description=$3" \
            "org.opencontainers.image.version=$VERSION" "org.opencontainers.image.revision=$COMMIT" \
            "org.opencontainers.image.created=$CREATED" ${SOURCE:+"org.opencontainers.image.source=$SOURCE"} \
            "org.opencontainers.image.vendor=Spending Control" \
            "org.opencontainers.image.ref.name=spending-control/$1:$VERSION"; do
    printf -- '--label\0%s\0--annotation\0%s\0' "$kv" "$kv"
  done
}

build() { # name description context containerfile [build args...]
  local name=$1 description=$2 context=$3 file=$4; shift 4
  local args=()
  while IFS= read -r -d '' a; do args+=("$a"); done < <(oci_args "$name" "spending-control/$name" "$description")
  say "building spending-control/$name:$VERSION ($TAG_COMMIT)"
  podman build --quiet --pull=never --format oci "${args[@]}" "$@" \
    -t "spending-control/$name:$VERSION" -t "spending-control/$name:$TAG_COMMIT" -f "$file" "$context" >/dev/null
}

# A Debian root filesystem made by debootstrap, imported as a podman image; cached by a hash of its inputs.
# Prints the image reference.
debian_rootfs() { # name packages
  local name=$1 packages=$2 key ref dir
  key=$(printf '%s\n' "$SUITE" "$MIRROR" "$packages" "$RECIPE" | sha256sum | cut -c1-16)
  ref=localhost/spending-control/rootfs-$name:$SUITE-$key
  if podman image exists "$ref"; then
    say "cached $ref" >&2
  else
    dir=$(mktemp -d /var/tmp/sc-rootfs-XXXXXX)
    say "debootstrap $SUITE ($packages) from $MIRROR: about a minute, once" >&2
    local start=$SECONDS
    debootstrap --variant=minbase --include="$packages" "$SUITE" "$dir" "$MIRROR" >"$WORK/debootstrap-$name.log" 2>&1 \
      || { tail -n 20 "$WORK/debootstrap-$name.log" >&2; rm -rf "$dir"; die "debootstrap failed (log: $WORK/debootstrap-$name.log)"; }
    rm -rf "$dir"/var/cache/apt/archives/*.deb "$dir"/var/lib/apt/lists/*
    tar -C "$dir" -c . | podman import --quiet - "$ref" >/dev/null
    rm -rf "$dir"
    say "debootstrap of $name took $((SECONDS - start)) s" >&2
  fi
  echo "$ref"
}

# The JRE base: only the JVM, the shared libraries it loads, CA certificates, time zones and the two users (185 for
# the Quarkus applications, 1000 for Keycloak). No shell, no package manager, no coreutils.
jre_base() { # builder image -> prints the JRE image reference
  local builder=$1 key ref dir ctr mnt jvm
  key=$(printf '%s\n' "$builder" "$RECIPE" "$(sed -n '/^jre_base()/,/^}/p' "$0" | sha256sum)" | sha256sum | cut -c1-16)
  ref=localhost/spending-control/jre:17-$key
  if podman image exists "$ref"; then
    say "cached $ref" >&2
    echo "$ref"; return
  fi
  dir=$(mktemp -d /var/tmp/sc-jre-XXXXXX)
  ctr=$(podman create "$builder" /bin/true)
  mnt=$(podman mount "$ctr")
  jvm=usr/lib/jvm/java-17-openjdk-amd64
  # the JVM (keeping its symlinks into /etc/java-17-openjdk and the CA store), minus what only a JDK or a desktop uses
  (cd "$mnt" && tar -c "$jvm" usr/lib/jvm/java-1.17.0-openjdk-amd64 etc/java-17-openjdk etc/ssl/certs/java \
      usr/share/zoneinfo etc/nsswitch.conf etc/host.conf 2>/dev/null || true) | tar -C "$dir" -x
  rm -rf "$dir/$jvm/man" "$dir/$jvm/docs" "$dir/$jvm/lib/ct.sym" "$dir/$jvm/lib/src.zip"
  # merged /usr: /lib, /lib64, /bin and /sbin are symlinks into /usr
  local l
  for l in lib lib64 bin sbin; do [ -L "$mnt/$l" ] && ln -sfn "usr/$l" "$dir/$l"; done
  # every shared library that the JVM's binaries and libraries load, found by ldd inside the builder root filesystem;
  # each is copied under its canonical directory, as the symlink ldd names and the file it points to
  local libs
  libs=$(cd "$mnt" && find "$jvm" -type f \( -name '*.so' -o -path '*/bin/*' -o -name jspawnhelper \) -printf '/%p\n' \
          | xargs chroot "$mnt" ldd 2>/dev/null | grep -oE '/[^ ]+\.so[^ :]*' | grep -v "^/$jvm/" | sort -u)
  # shellcheck disable=SC2016 # expanded inside the chroot
  chroot "$mnt" /bin/bash -c 'for l in "$@"; do echo "$(readlink -f "$(dirname "$l")")/$(basename "$l")"; readlink -f "$l"; done' \
      _ $libs /lib64/ld-linux-x86-64.so.2 | sort -u | sed 's#^/##' | (cd "$mnt" && tar -c -T -) | tar -C "$dir" -x
  mkdir -p "$dir/usr/bin" "$dir/etc" "$dir/tmp" "$dir/usr/share/doc"
  ln -sfn "/$jvm/bin/java" "$dir/usr/bin/java"
  chmod 1777 "$dir/tmp"
  cp "$mnt/etc/os-release" "$dir/etc/os-release" 2>/dev/null || cp "$mnt/usr/lib/os-release" "$dir/etc/os-release"
  # licences of the Debian packages the files come from
  local pkg
  for pkg in $( (chroot "$mnt" dpkg -S $libs 2>/dev/null || true) | cut -d: -f1 | tr ',' '\n' | tr -d ' ' | sort -u) \
             openjdk-17-jre-headless ca-certificates-java tzdata; do
    [ -f "$mnt/usr/share/doc/$pkg/copyright" ] && install -D -m 0644 "$mnt/usr/share/doc/$pkg/copyright" "$dir/usr/share/doc/$pkg/copyright"
  done
  cat >"$dir/etc/passwd" <<'EOF'
root:x:0:0:root:/root:/usr/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
app:x:185:185:Spending Control application:/tmp:/usr/sbin/nologin
keycloak:x:1000:1000:Keycloak:/tmp:/usr/sbin/nologin
EOF
  cat >"$dir/etc/group" <<'EOF'
root:x:0:
nogroup:x:65534:
app:x:185:
keycloak:x:1000:
EOF
  podman umount "$ctr" >/dev/null
  podman rm "$ctr" >/dev/null
  local args=()
  while IFS= read -r -d '' a; do args+=("$a"); done < <(oci_args jre "spending-control/jre" "Java 17 runtime from Debian $SUITE packages, no shell")
  local changes=()
  for ((i = 0; i < ${#args[@]}; i += 4)); do changes+=(--change "LABEL ${args[i+1]%%=*}=\"${args[i+1]#*=}\""); done
  tar -C "$dir" -c . | podman import --quiet "${changes[@]}" \
      --change "ENV JAVA_HOME=/$jvm" --change "ENV PATH=/$jvm/bin:/usr/bin" --change "ENV LANG=C.UTF-8" \
      --change "USER 185" --change "WORKDIR /tmp" - "$ref" >/dev/null
  rm -rf "$dir"
  echo "$ref"
}

mkdir -p "$WORK"

# 1. the applications' fast-jars, with the management interface (port 9000: health, metrics) that the chart's probes
#    and scrapes use: quarkus.management.enabled is a build-time property. They go to target/image-build/, beside the
#    ordinary build's target/quarkus-app/.
APP_DIR=quarkus-app
if [ "${SC_SKIP_BUILD:-0}" != 1 ]; then
  say "building the modules (./mvnw package -DskipTests, management interface on)"
  QUARKUS_MANAGEMENT_ENABLED=true ./mvnw -B -q package -DskipTests -pl "$(echo "$MODULES" | tr ' ' ',')" -am \
    -Dquarkus.package.output-directory=image-build
  APP_DIR=image-build
fi

# 2. root filesystems and the JRE base
BUILDER=$(debian_rootfs jre "openjdk-17-jre-headless,ca-certificates")
JRE=$(jre_base "$BUILDER")
podman tag "$JRE" "spending-control/jre:$VERSION" "spending-control/jre:$TAG_COMMIT"

# 3. one image per module
for module in $MODULES; do
  name=$(basename "$module")
  wanted "$name" || continue
  app=$module/target/$APP_DIR
  [ -f "$app/quarkus-run.jar" ] || die "$app/quarkus-run.jar is missing: build the module first (make build), or run without SC_SKIP_BUILD"
  build "$name" "Spending Control $name (Quarkus, JVM mode)" "$app" docker/Dockerfile.jvm --build-arg "BASE_IMAGE=$JRE"
done

# 4. Keycloak, built for PostgreSQL
if wanted keycloak; then
  kc=$WORK/keycloak
  if [ ! -x "$kc/keycloak/bin/kc.sh" ] || [ "$(cat "$kc/version" 2>/dev/null)" != "$KC_VERSION" ]; then
    rm -rf "$kc" && mkdir -p "$kc"
    say "fetching Keycloak $KC_VERSION from Maven Central (Maven wrapper)"
    ./mvnw -B -q -N org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
      "-Dartifact=org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip" "-DoutputDirectory=$kc" \
      || die "could not fetch org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip"
    (cd "$kc" && unzip -q "keycloak-quarkus-dist-$KC_VERSION.zip" && mv "keycloak-$KC_VERSION" keycloak && rm -f ./*.zip)
    echo "$KC_VERSION" >"$kc/version"
  fi
  build keycloak "Keycloak $KC_VERSION built for PostgreSQL (start --optimized)" "$kc" docker/Dockerfile.keycloak \
    --build-arg "BUILD_IMAGE=$BUILDER" --build-arg "BASE_IMAGE=$JRE" --label "org.keycloak.version=$KC_VERSION"
fi

# 5. the demo PostgreSQL
if wanted postgresql; then
  PG_ROOTFS=$(debian_rootfs postgresql "postgresql-15")
  build postgresql "PostgreSQL 15 from Debian $SUITE, for demo installs (official image's entrypoint contract)" \
    docker/postgresql docker/postgresql/Containerfile --build-arg "BASE_IMAGE=$PG_ROOTFS" --squash-all
fi

# 6. the helm test program
if wanted smoke-test; then
  st=$WORK/smoke-test
  rm -rf "$st" && mkdir -p "$st/classes"
  javac --release 17 -d "$st/classes" docker/smoke-test/SmokeTest.java
  jar --create --file "$st/smoke-test.jar" --main-class SmokeTest -C "$st/classes" .
  build smoke-test "helm test: a token from Keycloak and one real call per service through the gateway" \
    "$st" docker/smoke-test/Containerfile --build-arg "BASE_IMAGE=$JRE"
fi

# the tag of this build, for the container test and scripts
echo "$TAG_COMMIT" >"$WORK/tag"

# sizes
report=${SC_IMAGES_REPORT:-$WORK/sizes.txt}
: >"$report"
for name in jre $WANT; do
  size=$(podman image inspect --format '{{.Size}}' "spending-control/$name:$TAG_COMMIT")
  printf '%s %s\n' "$name" "$size" >>"$report"
  printf 'images:   spending-control/%-22s %4d MB  tags %s, %s\n' "$name" $((size / 1000000)) "$VERSION" "$TAG_COMMIT"
done
say "done; push them with: docs/deployment.md, 'Pushing the images'"
