#!/usr/bin/env bash
# Sets up (venv, dependencies, model, Chromium for the browser tests) and runs the test suite.
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh
scripts/setup-browser.sh
export HF_HUB_OFFLINE=1 GRADIO_ANALYTICS_ENABLED=False
exec .venv/bin/python -m pytest "$@"
