#!/usr/bin/env bash
# Pushes the images that `make images` built to a registry, with both of their tags (<version> and
# <version>-<commit>):
#
#   docker/push.sh registry.example.gov.uk            # -> registry.example.gov.uk/spending-control/<image>:<tags>
#
# Log in first (podman login registry.example.gov.uk). The chart then pulls them with
# global.imageRegistry=registry.example.gov.uk and global.imageTag=<version>-<commit> (or <version>).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
REGISTRY=${1:?usage: docker/push.sh <registry, e.g. registry.example.gov.uk>}
REGISTRY=${REGISTRY%/}
TAG_COMMIT=$(cat "$ROOT/target/images/tag" 2>/dev/null) || { echo "push: run make images first" >&2; exit 1; }
VERSION=$(sed -n 's/^appVersion: *"\{0,1\}\([^"]*\)"\{0,1\}$/\1/p' "$ROOT/helm/spending-control/Chart.yaml")
for name in gateway budget outcome-delivery-plan delegation-rules reporting keycloak postgresql smoke-test; do
  for tag in "$VERSION" "$TAG_COMMIT"; do
    podman tag "spending-control/$name:$TAG_COMMIT" "$REGISTRY/spending-control/$name:$tag"
    podman push "$REGISTRY/spending-control/$name:$tag"
  done
done
echo "push: pushed to $REGISTRY/spending-control/*:$VERSION and :$TAG_COMMIT"
