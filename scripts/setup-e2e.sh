#!/usr/bin/env bash
# Installs what the real-editor tests need, idempotently: Debian's chromium and CJK fonts, and code-server
# 4.100.3 (the newest that runs on Node 20) in a cache outside the repository.
set -euo pipefail
CACHE="${POLICY_WRITER_E2E_CACHE:-$HOME/.cache/policy-writer-e2e}"
need=()
for p in chromium fonts-noto-cjk neovim ripgrep libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev pkg-config build-essential; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
  echo "installing Debian packages: ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}"
fi
if [ ! -x "$CACHE/node_modules/.bin/code-server" ]; then
  mkdir -p "$CACHE"
  # @vscode/ripgrep's postinstall would download rg: it looks in this cache first.
  rgcache="${TMPDIR:-/tmp}/vscode-ripgrep-cache-1.15.11"
  mkdir -p "$rgcache"
  tar czf "$rgcache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C /usr/bin rg
  [ -f "$CACHE/package.json" ] || echo '{"name":"policy-writer-e2e","private":true}' > "$CACHE/package.json"
  echo "installing code-server 4.100.3 into $CACHE"
  # Its postinstall runs npx node-gyp, which npm cancels without a "yes" when not on a terminal, and
  # refuses to run as root without --unsafe-perm.
  (cd "$CACHE" && npm_config_yes=true npm install --unsafe-perm --no-audit --no-fund code-server@4.100.3)
fi
echo "e2e tools ready: $CACHE/node_modules/.bin/code-server, /usr/bin/chromium"
