#!/usr/bin/env bash
# Creates .venv, installs the package and converts the default embedding model.
# Quick when already done: each step is skipped when its result is already there.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3.11}
command -v "$PYTHON" >/dev/null || PYTHON=python3
# torch is installed first and pinned, so that nothing later resolves it to a fresh (CUDA) download;
# set TORCH_SPEC to choose another build elsewhere.
TORCH_SPEC=${TORCH_SPEC:-torch==2.13.0}
stamp=.venv/.setup-done
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
    [ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
    .venv/bin/python -m pip install --quiet --upgrade pip
    .venv/bin/python -m pip install --quiet "$TORCH_SPEC"
    .venv/bin/python -m pip install --quiet -e ".[dev]"
    touch "$stamp"
fi
export HF_HUB_OFFLINE=1 GRADIO_ANALYTICS_ENABLED=False
.venv/bin/python -m assistant setup-model
