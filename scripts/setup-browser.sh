#!/usr/bin/env bash
# Debian's Chromium for the browser tests (Playwright drives it; its own browser download is not used).
set -euo pipefail
if [ ! -x /usr/bin/chromium ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    else
        echo "note: /usr/bin/chromium is missing; browser tests will be skipped (apt-get install chromium)" >&2
    fi
fi
