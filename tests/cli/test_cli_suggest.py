"""`suggest`, `figures` and `entities` from the command line, on the sample article."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from reader import cli


def hamish(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def article(capsys, sample_path: Path) -> str:
    code, out, _ = hamish(capsys, "import", str(sample_path))
    assert code == 0
    return out.split("\t")[0]


def test_suggest_json_lists_candidates_with_parsed_values(capsys, article: str, sample_text: str) -> None:
    code, out, err = hamish(capsys, "suggest", article, "--json")
    assert code == 0 and err == ""
    found = json.loads(out)
    text = sample_text.strip("\n")
    for item in found:
        assert text[item["start"]:item["end"]] == item["text"]
        assert item["tag"] in ("company", "figure", "quote", "person")
    figures = [(f["text"], f["value"], f["unit"]) for f in found if f["tag"] == "figure"]
    assert figures == [("8 مليارات دولار", 8e9, "USD"), ("15 ٪", 15, "%"), ("8.2 مليار دولار", 8.2e9, "USD")]
    companies = {f["canonical"] for f in found if f["tag"] == "company"}
    assert {"Nvidia", "Tencent", "Alibaba", "Baidu", "Huawei", "AMD"} <= companies
    quotes = [f for f in found if f["tag"] == "quote"]
    assert any(q["text"].startswith("“لقد وصلت المنافسة") for q in quotes)
    assert all("value" not in f and "unit" not in f for f in found if f["tag"] != "figure")


def test_suggest_accept_stores_them_and_they_are_not_suggested_again(capsys, article: str) -> None:
    code, out, _ = hamish(capsys, "suggest", article, "--accept", "figure", "--json")
    assert code == 0
    accepted = json.loads(out)
    assert [(a["quote"], a["value"], a["unit"], a["tags"]) for a in accepted] == [
        ("8 مليارات دولار", 8e9, "USD", ["figure"]), ("15 ٪", 15, "%", ["figure"]),
        ("8.2 مليار دولار", 8.2e9, "USD", ["figure"])]
    code, out, _ = hamish(capsys, "suggest", article, "--tag", "figure", "--json")
    assert json.loads(out) == []
    code, out, _ = hamish(capsys, "search", "value:>1000000000", "--json")
    assert sorted(h["quote"] for h in json.loads(out)) == ["8 مليارات دولار", "8.2 مليار دولار"]
    code, out, _ = hamish(capsys, "figures", "--csv")
    rows = list(csv.reader(io.StringIO(out.lstrip("\ufeff"))))
    assert [r[1:5] for r in rows[1:]] == [["8 مليارات دولار", "8000000000", "", "USD"],
                                         ["15 ٪", "15", "", "%"], ["8.2 مليار دولار", "8200000000", "", "USD"]]
    code, out, _ = hamish(capsys, "figures", "--json")
    assert [f["value"] for f in json.loads(out)] == [8e9, 15, 8.2e9]


def test_entities_counts_companies_across_spellings(capsys, article: str) -> None:
    assert hamish(capsys, "suggest", article, "--accept", "company")[0] == 0
    code, out, _ = hamish(capsys, "entities", "--json", "--tag", "company")
    rows = json.loads(out)
    nvidia = next(r for r in rows if r["name"] == "Nvidia")
    assert nvidia["count"] >= 10 and {"Nvidia", "NVIDIA"} <= set(nvidia["spellings"])
    assert rows[0]["name"] == "Nvidia"  # the most highlighted first
    code, out, _ = hamish(capsys, "entities")
    assert code == 0 and "Nvidia" in out


def test_annotate_with_explicit_structured_data(capsys, article: str) -> None:
    code, out, _ = hamish(capsys, "annotate", article, "--quote", "8.2 مليار دولار", "--tag", "figure",
                          "--value", "8.3e9", "--json")
    assert code == 0 and (json.loads(out)["value"], json.loads(out)["unit"]) == (8.3e9, "USD")
    code, out, _ = hamish(capsys, "annotate", article, "--quote", "Alibaba", "--tag", "company",
                          "--canonical", "Alibaba Group", "--json")
    assert json.loads(out)["canonical"] == "Alibaba Group"
