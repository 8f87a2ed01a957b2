#!/usr/bin/env bash
# Installs everything briefdeck needs on a fresh Debian machine: the system
# Chromium that Playwright drives and its headless shell (Playwright cannot
# download its own here), poppler-utils for reading PDFs back,
# openssh-client for signing approvals, and the npm packages from the lock
# file.
# Used by the README's quick start and by CI, so that both stay the same.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
# The same Chromium without its window: what briefdeck prints with when it is there (README, Browser).
[ -x /usr/lib/chromium/chromium-headless-shell ] || missing+=(chromium-headless-shell)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
# ssh-keygen signs and checks review approvals (`ssh-keygen -Y sign` / `-Y verify`).
command -v ssh-keygen >/dev/null 2>&1 || missing+=(openssh-client)
if [ ${#missing[@]} -gt 0 ]; then
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}"
fi

# The browsers come from Debian; never let an npm lifecycle script fetch one.
PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
