"""`eventwire code` on every input kind, run as a user runs it: a real process."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ARTICLE = ("Chad's army clashes with rebels near border\n\n"
           "Chad's army fought rebels near the Libyan border on Sunday, the defence ministry said.\n\n"
           "The rebels crossed from Libya last week.\n")


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "eventwire", *args], input=stdin, capture_output=True, timeout=120)


def records(out: bytes) -> list[dict]:
    text = out.decode()
    try:
        data = json.loads(text)
        return data if isinstance(data, list) else [data]
    except json.JSONDecodeError:
        return [json.loads(line) for line in text.splitlines() if line.strip()]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("corpus")
    (d / "chad.txt").write_text(ARTICLE, encoding="utf-8")
    (d / "page.html").write_text("<html><head><title>Chad's army clashes with rebels</title></head><body>"
                                 "<nav>Home | World | Africa</nav><article><h1>Chad's army clashes with rebels</h1>"
                                 "<p>Chad's army fought rebels near the Libyan border on Sunday, the defence "
                                 "ministry said in a statement read on state television.</p><p>The rebels crossed "
                                 "from Libya last week, according to officials in N'Djamena.</p></article></body></html>",
                                 encoding="utf-8")
    rows = [{"id": "j1", "text": ARTICLE, "published": "2021-04-19", "source": "Wire", "url": "http://example.org/1"},
            {"id": "j2", "html": "<p>Niger's president met his Chadian counterpart in Niamey on Monday to discuss "
                                  "border security and the fight against armed groups in the Sahel region.</p>",
             "published": "2021-04-20"}]
    (d / "rows.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return d


def test_txt_gives_one_pretty_record_with_metadata(corpus):
    p = run("code", str(corpus / "chad.txt"), "--published", "2021-04-19", "--source", "Wire", "--doc-id", "chad-1")
    assert p.returncode == 0, p.stderr
    assert p.stdout.startswith(b"{\n")
    (rec,) = records(p.stdout)
    assert rec["doc_id"] == "chad-1" and rec["published"] == "2021-04-19" and rec["source"] == "Wire"
    assert rec["title"] == "Chad's army clashes with rebels near border"


def test_html_input(corpus):
    p = run("code", str(corpus / "page.html"))
    assert p.returncode == 0, p.stderr
    (rec,) = records(p.stdout)
    assert "fought rebels near the Libyan border" in rec["text"] and "Home | World" not in rec["text"]
    assert rec["removed"][0]["reason"] == "html"


def test_jsonl_rows_carry_their_metadata(corpus):
    p = run("code", str(corpus / "rows.jsonl"))
    assert p.returncode == 0, p.stderr
    recs = records(p.stdout)
    assert [r["doc_id"] for r in recs] == ["j1", "j2"]
    assert recs[0]["url"] == "http://example.org/1" and recs[1]["published"] == "2021-04-20"
    assert len(p.stdout.decode().strip().splitlines()) == 2  # several records → JSON lines


def test_directory_reads_every_kind_in_order(corpus):
    p = run("code", str(corpus), "--format", "jsonl")
    assert p.returncode == 0, p.stderr
    assert len(records(p.stdout)) == 4


def test_stdin(corpus):
    p = run("code", "-", "--published", "2021-04-19", stdin=ARTICLE.encode())
    assert p.returncode == 0, p.stderr
    (rec,) = records(p.stdout)
    assert rec["doc_id"].startswith("sha1-") and rec["published"] == "2021-04-19"


def test_same_text_gives_same_doc_id(corpus):
    a = records(run("code", "-", stdin=ARTICLE.encode()).stdout)[0]["doc_id"]
    b = records(run("code", str(corpus / "chad.txt")).stdout)[0]["doc_id"]
    assert a == b


@pytest.mark.parametrize("content,reason", [(b"", "empty input"), (b"\x00\x01\x02\xff" * 500, "binary data")])
def test_bad_input_is_one_line_and_nonzero(tmp_path, content, reason):
    f = tmp_path / "bad.txt"
    f.write_bytes(content)
    p = run("code", str(f))
    assert p.returncode == 1
    err = p.stderr.decode().strip().splitlines()
    assert len(err) == 1 and reason in err[0] and str(f) in err[0]
    assert b"Traceback" not in p.stderr and p.stdout == b""


def test_latin1_is_decoded_with_a_note(tmp_path):
    f = tmp_path / "latin.txt"
    f.write_bytes("Le président a rencontré les délégués à Genève.\n\nThe café owner said the "
                  "talks in Genève had gone well for both delegations.".encode("latin-1"))
    p = run("code", str(f), "--force-language")
    assert p.returncode == 0
    err = p.stderr.decode().strip().splitlines()
    assert len(err) == 1 and "not UTF-8" in err[0] and b"Traceback" not in p.stderr
    assert "délégués" in records(p.stdout)[0]["text"]


def test_usage_errors_exit_2(corpus):
    assert run("code", str(corpus / "missing.txt")).returncode == 2
    assert run("code", str(corpus), "--doc-id", "x").returncode == 2
    p = run("code", str(corpus / "chad.txt"), "--published", "yesterday")
    assert p.returncode == 2 and b"YYYY-MM-DD" in p.stderr


def test_non_english_is_recorded_and_skipped(tmp_path):
    f = tmp_path / "fr.txt"
    f.write_text("Le gouvernement français a annoncé mardi de nouvelles sanctions contre la Russie, "
                 "a déclaré le ministère des Affaires étrangères à Paris.", encoding="utf-8")
    p = run("code", str(f))
    assert p.returncode == 0
    (rec,) = records(p.stdout)
    assert rec["language"] == "fr" and rec["events"] == [] and rec["actors"] == []
    assert any("not English" in w for w in rec["warnings"])
