"""The one way to find files under `resources/` (samples, schema, fonts), installed or not."""
from __future__ import annotations

import importlib.util
from pathlib import Path


def resources_dir() -> Path:
    """The folder holding Hamish's resources.

    An installed wheel carries them as the package `reader.resources`; a source checkout keeps
    them in the top-level `resources/` beside `reader/`.
    """
    spec = importlib.util.find_spec("reader.resources")
    if spec is not None and spec.submodule_search_locations:
        return Path(next(iter(spec.submodule_search_locations)))
    return Path(__file__).resolve().parents[2] / "resources"


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def sample_article_path() -> Path:
    return resource_path("samples", "nvidia-china.ar.txt")
