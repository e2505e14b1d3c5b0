"""Annotation files, fuzzed: any bytes, any JSON, any mutation of a real export gives either a
clean import or one InvalidExchangeFile — never another exception, never half a library."""
from __future__ import annotations

import copy
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.errors import HamishError, InvalidExchangeFile
from reader.core.exchange import read_annotations_file
from reader.core.services import Library

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**70), 2**70) | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=20,
)


@pytest.fixture(scope="module")
def exports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict]:
    from reader.core.resources import sample_article_path

    with Library.open(tmp_path_factory.mktemp("lib")) as lib:
        art = lib.import_file(sample_article_path()).article
        lib.annotate(art.id, quote="Nvidia", tags=["company"], note="ملاحظة")
        lib.annotate(art.id, quote="8.2 مليار دولار", tags=["figure", "quote"])
        return {fmt: json.loads(lib.export(fmt)) for fmt in ("native", "w3c")}


def _paths(doc: object, prefix: tuple = ()) -> list[tuple]:
    out = [prefix]
    if isinstance(doc, dict):
        for k, v in doc.items():
            out += _paths(v, (*prefix, k))
    elif isinstance(doc, list):
        for i, v in enumerate(doc):
            out += _paths(v, (*prefix, i))
    return out


def _mutate(doc: dict, path: tuple, value: object, delete: bool) -> dict:
    doc = copy.deepcopy(doc)
    if not path:
        return value if not delete else {}
    parent = doc
    for key in path[:-1]:
        parent = parent[key]
    if delete:
        del parent[path[-1]]
    else:
        parent[path[-1]] = value
    return doc


@given(st.binary(max_size=300))
@settings(max_examples=200, deadline=None)
def test_random_bytes(data: bytes) -> None:
    try:
        read_annotations_file(data)
    except InvalidExchangeFile:
        pass


@given(JSON_VALUES)
@settings(max_examples=200, deadline=None)
def test_random_json(value: object) -> None:
    try:
        read_annotations_file(json.dumps(value).encode("utf-8"))
    except InvalidExchangeFile:
        pass


@given(data=st.data())
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_mutated_exports_are_clean_or_rejected_whole(exports: dict[str, dict], data: st.DataObject,
                                                    tmp_path_factory: pytest.TempPathFactory) -> None:
    fmt = data.draw(st.sampled_from(["native", "w3c"]))
    doc = exports[fmt]
    path = data.draw(st.sampled_from(_paths(doc)))
    delete = bool(path) and data.draw(st.booleans())
    mutated = _mutate(doc, path, data.draw(JSON_VALUES), delete)
    raw = json.dumps(mutated, ensure_ascii=False).encode("utf-8")
    try:
        read_annotations_file(raw)
        accepted = True
    except InvalidExchangeFile as err:
        assert str(err)  # one message, naming a place in the file or the file itself
        accepted = False
    with Library.open(tmp_path_factory.mktemp("fuzz")) as lib:
        if accepted:
            # Importing it works too, or refuses with a user-facing error, in one piece.
            try:
                lib.import_annotations(raw)
            except HamishError:
                assert lib.annotations() == [] and lib.orphans() == []
        else:
            with pytest.raises(InvalidExchangeFile):
                lib.import_annotations(raw)
            assert lib.list_articles() == [] and lib.annotations() == [] and lib.orphans() == []
        assert lib.check_index() == (set(), set())
