"""The core must run without Qt (DESIGN.md: `ui → core`, never back)."""
from __future__ import annotations

import subprocess
import sys
import textwrap


def test_importing_all_of_reader_core_loads_no_pyside6() -> None:
    code = textwrap.dedent(
        """
        import pkgutil, importlib, sys
        import reader.core
        names = [m.name for m in pkgutil.walk_packages(reader.core.__path__, "reader.core.")]
        for name in names:
            importlib.import_module(name)
        import reader.cli, reader.terminal
        from reader.core.services import Library
        assert len(names) > 10, names
        bad = sorted(m for m in sys.modules if m.startswith(("PySide6", "shiboken6")))
        print("QT:" + ",".join(bad))
        """
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "QT:\n" in result.stdout or result.stdout.strip() == "QT:", result.stdout
