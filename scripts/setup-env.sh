#!/usr/bin/env bash
# Shared set-up for ./run and ./test: a virtual environment in .venv with Hamish installed
# (editable) and, on Debian/Ubuntu, the system libraries Qt's wheel does not carry.
# Sourced, not executed: it leaves the venv activated. EXTRAS=test adds the test extra.
set -euo pipefail
HAMISH_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PYTHON="${PYTHON:-python3}"

hamish_need_python() {
    if ! command -v "$PYTHON" >/dev/null 2>&1; then
        echo "Hamish needs Python 3.10–3.13 ($PYTHON not found)." >&2; exit 1
    fi
    if ! "$PYTHON" -c 'import sys; sys.exit(not ((3, 10) <= sys.version_info[:2] <= (3, 13)))'; then
        echo "Hamish needs Python 3.10–3.13; $PYTHON is $("$PYTHON" -V 2>&1). Set PYTHON=python3.12 (say)." >&2
        exit 1
    fi
}

# Debian packages Qt needs at run time ("offscreen" for tests; "x11" adds a real window's).
hamish_qt_libs() {
    local pkgs=(libegl1 libgl1 libfontconfig1 libglib2.0-0 libdbus-1-3 libxkbcommon0)
    if [ "${1:-offscreen}" = "x11" ]; then
        pkgs+=(libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxkbcommon-x11-0 libxcb-image0
               libxcb-render-util0 libxcb-shape0 libxcb-randr0 libxcb-xinerama0 libxcb-xkb1 libx11-xcb1)
    fi
    command -v dpkg >/dev/null 2>&1 || return 0   # not Debian: the user's system provides them
    local missing=()
    for p in "${pkgs[@]}"; do
        dpkg -s "$p" 2>/dev/null | grep -q '^Status: install ok installed' || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    if [ "$(id -u)" -eq 0 ]; then
        echo "Installing Qt's system libraries: ${missing[*]}" >&2
        apt-get update -qq >&2
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
    elif command -v sudo >/dev/null 2>&1; then
        echo "Installing Qt's system libraries with sudo: ${missing[*]}" >&2
        sudo apt-get update -qq >&2
        sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
    else
        echo "Qt needs these Debian packages: ${missing[*]} (apt-get install them as root)." >&2
        exit 1
    fi
}

hamish_venv() {
    local extras="${EXTRAS:-}"
    local venv="$HAMISH_ROOT/.venv"
    local stamp="$venv/.hamish-installed${extras:+-$extras}"
    if [ ! -x "$venv/bin/python" ]; then
        hamish_need_python
        echo "Creating a virtual environment in $venv" >&2
        "$PYTHON" -m venv "$venv"
    fi
    # Reinstall only when the project's metadata changed since the last install.
    if [ ! -f "$stamp" ] || [ "$HAMISH_ROOT/pyproject.toml" -nt "$stamp" ]; then
        echo "Installing Hamish${extras:+ with [$extras]} into $venv" >&2
        "$venv/bin/python" -m pip install -q --disable-pip-version-check --upgrade pip >&2
        "$venv/bin/python" -m pip install -q --disable-pip-version-check -e "$HAMISH_ROOT${extras:+[$extras]}" >&2
        touch "$stamp"
    fi
    # shellcheck disable=SC1091
    . "$venv/bin/activate"
}
