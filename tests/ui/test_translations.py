"""Every string the interface shows through tr() has an Arabic translation, and the shipped
.qm is the compiled form of the shipped .ts (so a new string cannot slip through untranslated)."""
from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "hamish_ar.ts"
QM = ROOT / "resources" / "translations" / "hamish_ar.qm"


def _tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).with_name(name))
    if not Path(found).exists():
        pytest.skip(f"{name} is not installed")  # pragma: no cover - ships with PySide6-Essentials
    return found


def _messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(path).getroot()
    return {
        (ctx.findtext("name"), msg.findtext("source")): msg.find("translation")
        for ctx in root.findall("context")
        for msg in ctx.findall("message")
    }


def test_every_interface_string_is_translated(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (ROOT / "reader").rglob("*.py") if "core" not in p.parts)
    subprocess.run([_tool("pyside6-lupdate"), *sources, "-ts", str(fresh)], check=True, capture_output=True)
    found = _messages(fresh)
    shipped = _messages(TS)
    assert len(found) > 80
    missing = [key for key in found if key not in shipped]
    unfinished = [key for key, tr in shipped.items() if key in found and (
        tr.get("type") in ("unfinished", "vanished", "obsolete") or not "".join(tr.itertext()).strip())]
    assert missing == [] and unfinished == []


def test_shipped_qm_is_compiled_from_the_shipped_ts(tmp_path: Path) -> None:
    out = tmp_path / "hamish_ar.qm"
    subprocess.run([_tool("pyside6-lrelease"), str(TS), "-qm", str(out)], check=True, capture_output=True)
    assert out.read_bytes() == QM.read_bytes()
