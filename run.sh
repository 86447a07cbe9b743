#!/usr/bin/env bash
# Sets up (venv, dependencies, model), indexes corpus/, answers a sample question and opens the chat UI
# on http://127.0.0.1:7860 (pass serve options through, e.g. ./run.sh --port 8080 --auth users.txt).
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh
export HF_HUB_OFFLINE=1 GRADIO_ANALYTICS_ENABLED=False
.venv/bin/python -m assistant index
.venv/bin/python -m assistant ask "how many models did Quảng Nam maintain?"
exec .venv/bin/python -m assistant serve "$@"
