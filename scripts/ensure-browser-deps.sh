#!/usr/bin/env bash
# Install what the browser tests need, if it is missing: Debian's chromium and axe-core from npm.
# Root installs chromium with apt-get; anyone else is told the command (the browser tests then skip, except in CI).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Debian's chromium for the browser tests..."
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "chromium is not installed; the browser tests will be skipped. Install it with: sudo apt-get install chromium" >&2
  fi
fi
if [ -f package.json ] && [ ! -f node_modules/axe-core/axe.min.js ]; then
  if command -v npm >/dev/null 2>&1; then
    npm install --no-audit --no-fund --silent >/dev/null
  else
    echo "npm is not installed; the accessibility checks will be skipped. Install it with: sudo apt-get install npm" >&2
  fi
fi
