# Shared set-up for bin/ scripts: a virtualenv with the locked dependencies.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PYTHON="${PYTHON:-python3.11}"
command -v "$PYTHON" >/dev/null 2>&1 || PYTHON=python3
VENV="$ROOT/.venv"
if [ ! -x "$VENV/bin/python" ]; then
  echo "==> creating virtualenv in .venv"
  "$PYTHON" -m venv "$VENV"
fi
# Reinstall only when the lock file changed since the last install.
STAMP="$VENV/.requirements.lock.sha"
LOCK_SHA="$(sha256sum requirements.lock | cut -d' ' -f1)"
if [ ! -f "$STAMP" ] || [ "$(cat "$STAMP")" != "$LOCK_SHA" ]; then
  echo "==> installing dependencies from requirements.lock"
  "$VENV/bin/python" -m pip install --quiet --upgrade pip
  "$VENV/bin/python" -m pip install --quiet -r requirements.lock
  echo "$LOCK_SHA" > "$STAMP"
fi
export PATH="$VENV/bin:$PATH"
