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
# The lock pins every package, dependencies included, so nothing is resolved (--no-deps). The wheels are
# kept outside the clone: pip's own cache keeps only what the index allows it to (none here), so a fresh
# clone would download them all again. They are fetched once, and later installs read them offline.
# Bytecode is compiled at install (7 s more than --no-compile): where PYTHONDONTWRITEBYTECODE is set, as
# on this project's machines, nothing would ever compile it, and every process (each gunicorn worker of the
# real-server tests) would read all of Django and Wagtail from source again: 6 min instead of 3.7 there.
WHEELS="${MELAYANI_WHEELS:-${XDG_CACHE_HOME:-$HOME/.cache}/banyuwangi-melayani/wheels}"
install_locked() {
  "$VENV/bin/python" -m pip install --quiet --no-deps --no-index --find-links "$WHEELS" -r requirements.lock
}
if [ ! -f "$STAMP" ] || [ "$(cat "$STAMP")" != "$LOCK_SHA" ]; then
  echo "==> installing dependencies from requirements.lock"
  if ! install_locked 2>/dev/null; then
    echo "==> downloading the locked wheels into $WHEELS (once)"
    "$VENV/bin/python" -m pip download --quiet --no-deps -r requirements.lock -d "$WHEELS"
    install_locked
  fi
  echo "$LOCK_SHA" > "$STAMP"
fi
export PATH="$VENV/bin:$PATH"
