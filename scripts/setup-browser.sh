#!/usr/bin/env bash
# System packages for the UI tests: Debian's Chromium (driven by Playwright; its own browser download is
# not used) and LibreOffice Writer (opens the exported briefing DOCX).
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v soffice >/dev/null || missing+=(libreoffice-writer-nogui)
if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    else
        echo "note: missing ${missing[*]}; the tests that need them will be skipped (apt-get install ${missing[*]})" >&2
    fi
fi
