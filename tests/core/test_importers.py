"""Article importers on the sample article written out in every encoding and format we accept,
and on every kind of file we refuse."""
from __future__ import annotations

import codecs
import os
import random
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core import importers
from reader.core.errors import ImportFailed
from reader.core.importers import MAX_BYTES, ImportedText, load_bytes, load_file
from reader.core.importers.common import TITLE_MAX_CHARS, make_title
from reader.core.importers.detect import looks_like_text
from reader.core.importers.txt import trim_blank_edge_lines
from reader.core.resources import sample_article_path
from reader.core.text import normalize_article_text

SAMPLE = sample_article_path().read_text(encoding="utf-8")
SAMPLE_TITLE = "بكين توتر على nvidia."
# Windows-1256 has no ARABIC PERCENT SIGN (U+066A, once in the sample, in "15 ٪"): a cp1256
# file can only hold the sample with an ASCII "%".
SAMPLE_CP1256_SAFE = SAMPLE.replace("٪", "%")
SENTENCE = "تبدو الصين متضاربة حول رقائق Nvidia."


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def reason_of(path: Path | str) -> str:
    """The reason load_file gives for `path`, checking the error is one line naming the path."""
    with pytest.raises(ImportFailed) as caught:
        load_file(path)
    err = caught.value
    assert err.path == str(path)
    assert "\n" not in str(err) and str(err).startswith(str(path))
    return err.reason


# --- plain text: encodings ----------------------------------------------------------------------


def test_sample_utf8_is_imported_unchanged(tmp_path: Path) -> None:
    loaded = load_file(sample_article_path())
    assert loaded == ImportedText(
        title=SAMPLE_TITLE,
        text=SAMPLE,
        format="txt",
        encoding="utf-8",
        source=str(sample_article_path().resolve()),
    )


def test_source_is_the_given_path_made_absolute(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, "a.txt", SENTENCE.encode("utf-8"))
    monkeypatch.chdir(tmp_path)
    loaded = load_file("a.txt")
    assert loaded.source == str(tmp_path / "a.txt")
    assert loaded.source != "a.txt"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (codecs.BOM_UTF8 + SAMPLE.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + SAMPLE.encode("utf-16-le"), "utf-16"),
        (codecs.BOM_UTF16_BE + SAMPLE.encode("utf-16-be"), "utf-16"),
        (codecs.BOM_UTF32_LE + SAMPLE.encode("utf-32-le"), "utf-32"),
        (SAMPLE.encode("utf-16-le"), "utf-16-le"),
        (SAMPLE.encode("utf-16-be"), "utf-16-be"),
    ],
    ids=["utf8-bom", "utf16le-bom", "utf16be-bom", "utf32le-bom", "utf16le-no-bom", "utf16be-no-bom"],
)
def test_unicode_encodings_give_the_same_text(tmp_path: Path, data: bytes, encoding: str) -> None:
    loaded = load_file(write(tmp_path, "sample.txt", data))
    assert loaded.encoding == encoding
    assert loaded.text == SAMPLE
    assert "\ufeff" not in loaded.text
    assert loaded.title == SAMPLE_TITLE


def test_sample_in_cp1256_is_detected_not_read_as_latin(tmp_path: Path) -> None:
    loaded = load_file(write(tmp_path, "legacy.txt", SAMPLE_CP1256_SAFE.encode("cp1256")))
    assert loaded.encoding == "cp1256"
    assert loaded.text == SAMPLE_CP1256_SAFE
    assert loaded.title == SAMPLE_TITLE


@pytest.mark.parametrize(
    "text",
    [SENTENCE, SAMPLE_TITLE, "الصين", "أخبرت شركة Metax لصحيفة وول ستريت جورنال.", "«الصين» تقول: لا، 30°؟"],
    ids=["sentence", "title-line", "one-word", "hamza-and-latin", "quotes-and-symbols"],
)
def test_short_cp1256_text_is_detected(tmp_path: Path, text: str) -> None:
    loaded = load_file(write(tmp_path, "short.txt", text.encode("cp1256")))
    assert (loaded.encoding, loaded.text) == ("cp1256", text)


def test_iso_8859_6_sentence_is_detected(tmp_path: Path) -> None:
    loaded = load_file(write(tmp_path, "iso.txt", SENTENCE.encode("iso8859-6")))
    assert (loaded.encoding, loaded.text) == ("iso8859-6", SENTENCE)


@pytest.mark.parametrize(
    "text",
    ["Les élèves ont été très déçus à Noël, où ça ?", "El niño comió en España mañana.", "Größe, Übung, Straße."],
)
def test_western_cp1252_is_not_taken_for_arabic(tmp_path: Path, text: str) -> None:
    loaded = load_file(write(tmp_path, "latin.txt", text.encode("cp1252")))
    assert (loaded.encoding, loaded.text) == ("cp1252", text)


def test_mojibake_is_recognised() -> None:
    assert looks_like_text(SAMPLE_CP1256_SAFE)
    assert looks_like_text("Les élèves ont été très déçus à Noël, où ça ?")
    # Arabic Windows-1256 bytes read as Western: words of accented letters only.
    assert not looks_like_text(SAMPLE_CP1256_SAFE.encode("cp1256").decode("cp1252"))
    assert not looks_like_text(SENTENCE.encode("cp1256").decode("cp1252"))
    # UTF-8 Arabic read as Western ("Ø§Ù„ØµÙŠÙ†").
    assert not looks_like_text(SAMPLE.encode("utf-8").decode("cp1252", errors="replace"))
    # Spanish read as Arabic: "Espaٌa", Latin words with Arabic letters inside.
    assert not looks_like_text("El niño comió en España mañana.".encode("cp1252").decode("cp1256"))
    # Windows-1256 bytes read as ISO-8859-6 where that table has holes: C1 controls.
    assert not looks_like_text("مرحبا\u0085 بكم")


def test_utf8_with_a_few_damaged_bytes_is_read_with_replacements(tmp_path: Path) -> None:
    data = SAMPLE.encode("utf-8")
    cut = data[:-2]  # the last Arabic letter cut in half, as by an interrupted download
    assert not cut.endswith(b".") and cut[-1] >= 0x80
    loaded = load_file(write(tmp_path, "cut.txt", cut))
    assert loaded.encoding == "utf-8"
    assert loaded.text == SAMPLE[:-2] + "\ufffd"
    at = len(SAMPLE[:10].encode("utf-8"))
    corrupt = data[:at] + b"\xff" + data[at:]  # one stray byte after the tenth character
    loaded = load_file(write(tmp_path, "corrupt.txt", corrupt))
    assert loaded.text == SAMPLE[:10] + "\ufffd" + SAMPLE[10:]


# --- plain text: normalisation and the text model -----------------------------------------------


def test_crlf_and_lone_cr_become_lf(tmp_path: Path) -> None:
    crlf = load_file(write(tmp_path, "crlf.txt", SAMPLE.replace("\n", "\r\n").encode("utf-8")))
    assert crlf.text == SAMPLE
    cr = load_file(write(tmp_path, "cr.txt", SAMPLE.replace("\n", "\r").encode("utf-8")))
    assert cr.text == SAMPLE


def test_nfd_input_is_stored_nfc(tmp_path: Path) -> None:
    decomposed = unicodedata.normalize("NFD", SAMPLE)
    assert decomposed != SAMPLE  # أ إ آ ؤ ئ decompose, so the test means something
    loaded = load_file(write(tmp_path, "nfd.txt", decomposed.encode("utf-8")))
    assert loaded.text == SAMPLE


def test_blank_lines_at_the_edges_are_dropped_inner_ones_kept(tmp_path: Path) -> None:
    with_final_newline = load_file(write(tmp_path, "a.txt", (SAMPLE + "\n").encode("utf-8")))
    assert with_final_newline.text == SAMPLE
    padded = "\n \t\n" + "السطر الأول\n\n  السطر الثالث  \n" + "\n   \n"
    loaded = load_file(write(tmp_path, "b.txt", padded.encode("utf-8")))
    assert loaded.text == "السطر الأول\n\n  السطر الثالث  "
    assert loaded.title == "السطر الأول"


def test_import_is_deterministic(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", SAMPLE_CP1256_SAFE.encode("cp1256"))
    assert load_file(path) == load_file(path)


# Arabic with harakat and hamza forms, Latin, digits, spaces, line ends, an emoji, markdown and
# HTML punctuation: the characters articles are made of, and the ones parsers react to.
_ALPHABET = "بكين الصينأإآؤئةىَُِّ Nvidia 15٪ ١٢\t\n\r\u00a0\u200f😀*_#>-[]()<>&;!`|"


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=_ALPHABET, min_size=1, max_size=200).filter(str.strip))
def test_txt_round_trip_in_every_unicode_encoding(text: str) -> None:
    expected = trim_blank_edge_lines(normalize_article_text(text))
    for data in (text.encode("utf-8"), codecs.BOM_UTF8 + text.encode("utf-8"), text.encode("utf-16")):
        assert load_bytes(data, "prop.txt").text == expected


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=_ALPHABET, min_size=1, max_size=200), st.sampled_from(["p.md", "p.html"]))
def test_markdown_and_html_give_clean_lines(text: str, name: str) -> None:
    try:
        loaded = load_bytes(text.encode("utf-8"), name)
    except ImportFailed as err:
        assert err.reason in ("empty file", "no text in markdown file", "no text in html file")
        return
    lines = loaded.text.split("\n")
    assert all(line and line == line.strip() and "  " not in line for line in lines)
    assert "\r" not in loaded.text and loaded.title and "\n" not in loaded.title
    assert normalize_article_text(loaded.text) == loaded.text


# --- titles -------------------------------------------------------------------------------------


def test_txt_title_is_first_nonblank_line_trimmed(tmp_path: Path) -> None:
    loaded = load_file(write(tmp_path, "t.txt", "\n\n   عنوان\tالمقال   \nنص".encode("utf-8")))
    assert loaded.title == "عنوان المقال"
    assert loaded.text == "   عنوان\tالمقال   \nنص"


def test_long_first_line_title_is_cut_at_a_word(tmp_path: Path) -> None:
    words = " ".join(["كلمة"] * 100)  # 499 characters
    loaded = load_file(write(tmp_path, "long.txt", words.encode("utf-8")))
    assert loaded.title.endswith("…")
    assert len(loaded.title) <= TITLE_MAX_CHARS + 1
    assert loaded.title[:-1] == words[: len(loaded.title) - 1]
    assert loaded.title[-2] != " " and words[len(loaded.title) - 1] == " "
    assert loaded.text == words


def test_make_title_falls_back_to_the_stem() -> None:
    assert make_title("  \t ", "my-article") == "my-article"
    assert make_title("", "") == "untitled"
    unbroken = "ب" * 300
    assert make_title(unbroken, "x") == "ب" * TITLE_MAX_CHARS + "…"


# --- markdown -----------------------------------------------------------------------------------

MARKDOWN = """\
Intro *before* the heading.

# Nvidia في **الصين**

فقرة مع [رابط](http://example.com) و ![صورة *بديلة*](a.png) و `code`
تكملة السطر.
سطر بعد كسر.<br>وآخر بعد br.

## الشركات

- أول
- ثاني
  - متداخل

1. one
1. two

> اقتباس
> يكمل

<div class="x">نص <b>خام</b><script>alert(1)</script></div>

| الشركة | الحصة |
|---|---|
| Nvidia | 15 ٪ |
|  |  |

```
def f():
    return 1
```

---
"""

MARKDOWN_TEXT = """\
Intro before the heading.
Nvidia في الصين
فقرة مع رابط و صورة بديلة و code تكملة السطر. سطر بعد كسر.
وآخر بعد br.
الشركات
• أول
• ثاني
• متداخل
1. one
2. two
اقتباس يكمل
نص خام
الشركة | الحصة
Nvidia | 15 ٪
def f():
return 1"""


def test_markdown_becomes_one_line_per_block(tmp_path: Path) -> None:
    loaded = load_file(write(tmp_path, "article.md", MARKDOWN.encode("utf-8")))
    assert loaded.text == MARKDOWN_TEXT
    assert loaded.format == "md" and loaded.encoding == "utf-8"
    assert loaded.title == "Nvidia في الصين"  # the first heading, not the first line


def test_markdown_hard_break_starts_a_new_line(tmp_path: Path) -> None:
    loaded = load_bytes("سطر أول  \nسطر ثان\\\nثالث".encode("utf-8"), "br.markdown")
    assert loaded.text == "سطر أول\nسطر ثان\nثالث"
    assert loaded.format == "md"


def test_markdown_title_falls_back_to_first_line(tmp_path: Path) -> None:
    loaded = load_bytes("**بكين** توتر على Nvidia\n\nفقرة.".encode("utf-8"), "x.md")
    assert loaded.title == "بكين توتر على Nvidia"
    assert loaded.text == "بكين توتر على Nvidia\nفقرة."


def test_markdown_front_matter_gives_the_title_and_is_not_text(tmp_path: Path) -> None:
    source = '---\ntitle: "عنوان الواجهة"\ndate: 2025-08-01\n---\n# عنوان آخر\n\nنص.\n'
    loaded = load_bytes(source.encode("utf-8"), "fm.md")
    assert loaded.title == "عنوان الواجهة"
    assert loaded.text == "عنوان آخر\nنص."


def test_markdown_rule_and_setext_heading_are_not_front_matter() -> None:
    loaded = load_bytes("---\nعنوان\n---\n\nنص.".encode("utf-8"), "rule.md")
    assert loaded.text == "عنوان\nنص."
    assert loaded.title == "عنوان"


def test_markdown_in_cp1256_is_decoded(tmp_path: Path) -> None:
    loaded = load_file(write(tmp_path, "legacy.md", f"# {SAMPLE_TITLE}\n\n{SENTENCE}\n".encode("cp1256")))
    assert (loaded.encoding, loaded.title, loaded.text) == ("cp1256", SAMPLE_TITLE, f"{SAMPLE_TITLE}\n{SENTENCE}")


# --- html ---------------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html dir="rtl" lang="ar"><head><meta charset="utf-8">
<title>الصين و Nvidia | موقع الأخبار</title>
<style>p { color: red }</style><script>var x = "<p>ليس نصا</p>";</script></head>
<body>
<header><nav><a href="/">الرئيسية</a></nav><h2>شعار الموقع</h2></header>
<form id="search"><label>ابحث</label><input name="q"><button>اذهب</button></form>
<main>
<article>
  <header><h1>الصين   و Nvidia</h1><p class="byline">بقلم   فلان</p></header>
  <p>تبدو الصين ، التي كانت
     واحدة من أكبر أسواق <b>Nvidia</b>، متضاربة.</p>
  <p>سطر<br>ثانٍ&nbsp;بعد كسر <!-- تعليق --></p>
  <div hidden>مخفي</div>
  <figure><img src="a.jpg" alt="صورة"><figcaption>تعليق الصورة</figcaption></figure>
  <ol start="3"><li>ثلاثة</li><li><p>أربعة</p></li></ol>
  <ul><li>نقطة</li></ul>
  <table><tr><th>الشركة</th><th>الحصة</th></tr><tr><td>Nvidia</td><td>15 ٪</td></tr><tr><td></td><td> </td></tr></table>
  <pre>line one
  line   two</pre>
  <footer>وسوم: تقنية</footer>
</article>
<aside>اقرأ أيضا</aside>
</main>
<div role="navigation">روابط</div>
<footer>حقوق النشر</footer><noscript>فعّل جافاسكربت</noscript>
<template><p>قالب</p></template><svg><text>رسم</text></svg><iframe src="x"></iframe>
</body></html>
"""

PAGE_TEXT = """\
الصين و Nvidia
بقلم فلان
تبدو الصين ، التي كانت واحدة من أكبر أسواق Nvidia، متضاربة.
سطر
ثانٍ بعد كسر
تعليق الصورة
3. ثلاثة
4. أربعة
• نقطة
الشركة | الحصة
Nvidia | 15 ٪
line one
line two"""


def test_html_keeps_the_article_and_drops_furniture(tmp_path: Path) -> None:
    loaded = load_file(write(tmp_path, "page.html", PAGE.encode("utf-8")))
    assert loaded.text == PAGE_TEXT
    assert (loaded.format, loaded.encoding) == ("html", "utf-8")
    # <title> is the <h1> plus the site's name: the headline alone is the better title.
    assert loaded.title == "الصين و Nvidia"


def test_html_meta_charset_windows_1256(tmp_path: Path) -> None:
    page = PAGE.replace('<meta charset="utf-8">', '<meta charset="windows-1256">').replace("٪", "%")
    loaded = load_file(write(tmp_path, "page.htm", page.encode("cp1256")))
    assert loaded.encoding == "cp1256"
    assert loaded.text == PAGE_TEXT.replace("٪", "%")


def test_html_http_equiv_charset_and_sample_paragraphs(tmp_path: Path) -> None:
    paragraphs = "".join(f"<p>{line}</p>\n" for line in SAMPLE_CP1256_SAFE.split("\n"))
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1256">'
        f"</head><body>{paragraphs}</body></html>"
    )
    loaded = load_file(write(tmp_path, "sample.html", page.encode("cp1256")))
    assert loaded.encoding == "cp1256"
    assert loaded.text == SAMPLE_CP1256_SAFE
    assert loaded.title == SAMPLE_TITLE  # no <title>, no <h1>: the first line


@pytest.mark.parametrize("label", ["iso-8859-1", "utf-8"])
def test_html_wrongly_declared_charset_is_detected_as_arabic(tmp_path: Path, label: str) -> None:
    # Old Arabic sites often declare iso-8859-1 and send Windows-1256: trusting the label
    # would give "ÊÈÏæ ÇáÕíä".
    page = f'<html><head><meta charset="{label}"></head><body><p>{SENTENCE}</p></body></html>'
    loaded = load_file(write(tmp_path, "mislabelled.html", page.encode("cp1256")))
    assert (loaded.encoding, loaded.text) == ("cp1256", SENTENCE)


def test_html_undeclared_utf8(tmp_path: Path) -> None:
    loaded = load_bytes(f"<p>{SENTENCE}</p>".encode("utf-8"), "frag.html")
    assert (loaded.encoding, loaded.text, loaded.title) == ("utf-8", SENTENCE, SENTENCE)


@pytest.mark.parametrize(
    ("head", "body", "title"),
    [
        ("<title>عنوان الصفحة</title>", "<h1>العنوان الرئيسي</h1><p>نص</p>", "عنوان الصفحة"),
        ("<title>العنوان الرئيسي - الموقع</title>", "<h1>العنوان الرئيسي</h1><p>نص</p>", "العنوان الرئيسي"),
        ("", "<p>قبل</p><h1>العنوان الرئيسي</h1><p>نص</p>", "العنوان الرئيسي"),
        ("<title>   </title>", "<p>أول سطر</p><p>نص</p>", "أول سطر"),
    ],
    ids=["title", "title-contains-h1", "h1", "first-line"],
)
def test_html_title_rules(head: str, body: str, title: str) -> None:
    page = f"<html><head>{head}</head><body>{body}</body></html>"
    assert load_bytes(page.encode("utf-8"), "t.html").title == title


def test_html_without_article_uses_body_minus_furniture() -> None:
    page = (
        "<body><nav>قائمة</nav><div><h2>خبر</h2><div>فقرة <span>أولى</span></div>"
        "<section><p>فقرة ثانية</p></section></div><aside>جانبي</aside><footer>تذييل</footer></body>"
    )
    assert load_bytes(page.encode("utf-8"), "b.html").text == "خبر\nفقرة أولى\nفقرة ثانية"


def test_html_longest_article_wins() -> None:
    page = (
        "<body><article><p>خبر ذو صلة</p></article>"
        "<article><h1>الخبر</h1><p>نص الخبر الطويل هنا.</p></article></body>"
    )
    assert load_bytes(page.encode("utf-8"), "a.html").text == "الخبر\nنص الخبر الطويل هنا."


def test_html_page_wrapped_in_a_form_keeps_its_text() -> None:
    # ASP.NET pages put everything inside one <form>: it is not a search box. A form
    # without the headline (a newsletter box) is still dropped.
    page = (
        '<body><form id="form1"><nav>قائمة</nav><h1>العنوان</h1><p>نص الخبر.</p></form>'
        '<form><p>اشترك في النشرة</p><input name="email"></form></body>'
    )
    loaded = load_bytes(page.encode("utf-8"), "aspx.html")
    assert loaded.text == "العنوان\nنص الخبر."


def test_html_without_furniture_rules_still_finds_text() -> None:
    # Everything is in an <aside>: the strict pass finds nothing, the loose one keeps it.
    page = "<body><aside><p>النص الوحيد</p></aside><script>x()</script></body>"
    assert load_bytes(page.encode("utf-8"), "odd.html").text == "النص الوحيد"


# --- errors -------------------------------------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    assert reason_of(tmp_path / "nope.txt") == "file not found"


def test_directory(tmp_path: Path) -> None:
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    assert reason_of(folder) == "is a directory"
    assert reason_of(tmp_path) == "is a directory"


@pytest.mark.parametrize("name", ["report.pdf", "README", "page.docx"])
def test_unsupported_suffix_names_the_supported_ones(tmp_path: Path, name: str) -> None:
    reason = reason_of(write(tmp_path, name, SAMPLE.encode("utf-8")))
    assert reason.startswith("unsupported file type")
    assert ".txt, .md, .markdown, .html, .htm" in reason
    suffix = Path(name).suffix
    assert (f"'{suffix}'" in reason) if suffix else ("without a suffix" in reason)


def test_suffix_is_case_insensitive(tmp_path: Path) -> None:
    assert load_file(write(tmp_path, "UPPER.TXT", SENTENCE.encode("utf-8"))).format == "txt"
    assert load_file(write(tmp_path, "PAGE.HTM", f"<p>{SENTENCE}</p>".encode("utf-8"))).format == "html"


@pytest.mark.parametrize(
    "data",
    [b"", b" \n\t\r\n  \n", codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF8 + b"\n\n", "\u3000\n".encode("utf-8")],
    ids=["zero-bytes", "whitespace", "utf8-bom-only", "utf16-bom-only", "bom-and-newlines", "ideographic-space"],
)
@pytest.mark.parametrize("suffix", [".txt", ".md", ".html"])
def test_empty_files(tmp_path: Path, data: bytes, suffix: str) -> None:
    assert reason_of(write(tmp_path, "empty" + suffix, data)) == "empty file"


PNG_HEADER = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00"
    b"\x1f\xf3\xffa\x00\x00\x00\x19tEXtSoftware\x00Adobe ImageReadyq\xc9e<"
)


@pytest.mark.parametrize(
    "data",
    [
        PNG_HEADER,
        random.Random(1).randbytes(4096),
        bytes(random.Random(2).randrange(1, 0x20) for _ in range(500)) + SENTENCE.encode("utf-8"),
        codecs.BOM_UTF8 + b"text\x00with a nul",
    ],
    ids=["png", "random-bytes", "control-characters", "nul-after-utf8-bom"],
)
def test_binary_files(tmp_path: Path, data: bytes) -> None:
    assert reason_of(write(tmp_path, "binary.txt", data)) == "binary file, not text"


def test_undecodable_bytes(tmp_path: Path) -> None:
    # High bytes only: no NULs or controls, every byte valid in cp1256, but no language.
    rng = random.Random(3)
    data = bytes(rng.randrange(0x80, 0x100) for _ in range(2000))
    assert reason_of(write(tmp_path, "noise.txt", data)).startswith("undecodable")


def test_invalid_utf16_after_its_bom(tmp_path: Path) -> None:
    data = codecs.BOM_UTF16_LE + "نص".encode("utf-16-le") + b"\x00"  # odd length
    assert reason_of(write(tmp_path, "odd.txt", data)) == "undecodable: invalid utf-16 after its byte order mark"


def test_too_large_is_refused_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:  # sparse: costs no disk
        handle.truncate(MAX_BYTES + 3 * 1024 * 1024 + 100 * 1024)
    opened: list[str] = []
    monkeypatch.setattr(importers, "open", lambda *a, **k: opened.append(a[0]), raising=False)
    assert reason_of(path) == "larger than 20 MB (23.1 MB)"
    assert opened == []


def test_exactly_max_bytes_is_not_too_large(tmp_path: Path) -> None:
    path = tmp_path / "limit.txt"
    with open(path, "wb") as handle:
        handle.truncate(MAX_BYTES)  # all NULs: refused, but as binary, not as too large
    assert reason_of(path) == "binary file, not text"


def test_load_bytes_too_large() -> None:
    with pytest.raises(ImportFailed, match=r"larger than 20 MB \(20\.0 MB\)") as caught:
        load_bytes(b"a" * (MAX_BYTES + 1), "big.txt")
    assert caught.value.path == "big.txt"


def test_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, "secret.txt", SENTENCE.encode("utf-8"))

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    # Root can read anything, so a chmod cannot show this; the refusal is simulated.
    monkeypatch.setattr(importers, "open", refuse, raising=False)
    assert reason_of(path) == "permission denied"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_fifo_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "pipe.txt"
    os.mkfifo(path)
    assert reason_of(path) == "not a regular file"


@pytest.mark.parametrize(
    "page",
    [
        "<html><head><title>عنوان فقط</title><script>var a = 'نص';</script></head><body></body></html>",
        "<html><body><!-- تعليق --><style>p{}</style><img alt='صورة'></body></html>",
    ],
    ids=["title-and-script", "comment-style-image"],
)
def test_html_without_text(tmp_path: Path, page: str) -> None:
    assert reason_of(write(tmp_path, "blank.html", page.encode("utf-8"))) == "no text in html file"


def test_markdown_without_text(tmp_path: Path) -> None:
    source = "---\n\n***\n\n<!-- ملاحظة -->\n\n![](image.png)\n"
    assert reason_of(write(tmp_path, "blank.md", source.encode("utf-8"))) == "no text in markdown file"


def test_load_bytes_errors_name_the_given_name() -> None:
    with pytest.raises(ImportFailed) as caught:
        load_bytes(PNG_HEADER, "photo.txt")
    assert (caught.value.path, caught.value.reason) == ("photo.txt", "binary file, not text")
    assert str(caught.value) == "photo.txt: binary file, not text"


@pytest.mark.parametrize("name,data", [("nul.html", b"<p>a\x00b</p>"), ("nul.txt", b"ab\x00cd\x00ef")])
def test_short_file_with_a_nul_is_binary_not_utf16(name: str, data: bytes) -> None:
    with pytest.raises(ImportFailed, match="binary"):
        load_bytes(data, name)


def test_bomless_utf16_arabic_is_still_read() -> None:
    text = "بكين توتر على رقائق Nvidia في السوق الصينية هذا العام.\n"
    loaded = load_bytes(text.encode("utf-16-le"), "article.txt")
    assert loaded.text == text.strip("\n") and loaded.encoding == "utf-16-le"


def test_pathologically_nested_html_is_refused_quickly_and_clearly() -> None:
    deep = ("<div>" * 100_000 + "<p>نص</p>" + "</div>" * 100_000).encode()
    with pytest.raises(ImportFailed, match="nested more than"):
        load_bytes(deep, "deep.html")
    # Real pages nest far less; sloppy markup with thousands of unclosed <p> and <li> still imports.
    sloppy = ("<html><body>" + "<p>فقرة<li>بند" * 5000 + "<div><div><p>النهاية</div></div>").encode()
    assert "النهاية" in load_bytes(sloppy, "sloppy.html").text
