# Shared by scripts/run and scripts/test: find Python, install into .venv when pyproject.toml changed.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
mkdir -p var

find_python() {
  for candidate in "${PYTHON:-}" python3.13 python3.12 python3.11 python3; do
    [ -n "$candidate" ] || continue
    if command -v "$candidate" >/dev/null 2>&1 &&
      "$candidate" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' 2>/dev/null; then
      echo "$candidate"
      return 0
    fi
  done
  echo "Kommunportal needs Python 3.11 or newer (set PYTHON=/path/to/python3)." >&2
  return 1
}

ensure_venv() {
  local extras="${1:-dev}"
  if [ ! -x .venv/bin/python ]; then
    local python
    python="$(find_python)"
    echo "==> Creating .venv with $("$python" --version)"
    "$python" -m venv .venv
  fi
  local stamp=".venv/.installed-$extras"
  local digest
  digest="$(cat pyproject.toml | sha256sum | cut -d' ' -f1)"
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$digest" ]; then
    echo "==> Installing dependencies into .venv"
    .venv/bin/python -m pip install --quiet --upgrade pip
    .venv/bin/python -m pip install --quiet -e ".[$extras]"
    echo "$digest" >"$stamp"
  fi
}
