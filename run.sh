#!/usr/bin/env bash
# Sets up (venv, dependencies, model), indexes corpus/ and answers a sample question.
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh
export HF_HUB_OFFLINE=1 GRADIO_ANALYTICS_ENABLED=False
.venv/bin/python -m assistant index
.venv/bin/python -m assistant ask "how many models did Quảng Nam maintain?"
