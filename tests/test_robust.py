"""`eventwire code` on bad input, run as a user runs it: one line per problem on stderr, the documented exit
status (0 all coded, 1 some input rejected, 2 usage error), never a traceback, and every good input coded."""
from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

STORY = ("Kenya's police arrested 40 protesters in Nairobi on Tuesday after a march against new taxes, "
         "the interior ministry said.\n\nOpposition leaders condemned the arrests and called for "
         "more protests next week.\n")


def run(*args: str, stdin: bytes | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "eventwire", *args], input=stdin, capture_output=True,
                          timeout=180, env={**os.environ, **(env or {})})


def err_lines(p: subprocess.CompletedProcess) -> list[str]:
    assert b"Traceback" not in p.stderr, p.stderr.decode()
    return p.stderr.decode().strip().splitlines()


def jsonl(out: bytes | str) -> list[dict]:
    text = out.decode() if isinstance(out, bytes) else out
    return [json.loads(ln) for ln in text.splitlines() if ln.strip()]


class InProcess:
    """The CLI's main() in this process (the model stays loaded between calls): same exit status and
    stderr as a real run, without the start-up cost. The tests above this line use real processes."""

    def __init__(self, capfd, monkeypatch) -> None:
        self.capfd, self.monkeypatch = capfd, monkeypatch

    def __call__(self, *args: str, stdin: bytes | None = None, env: dict | None = None):
        from eventwire.cli import main

        for k, v in (env or {}).items():
            self.monkeypatch.setenv(k, v)
        if stdin is not None:
            self.monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
        self.capfd.readouterr()
        code = main(list(args))
        out, err = self.capfd.readouterr()
        for k in env or {}:
            self.monkeypatch.delenv(k)
        assert "Traceback" not in err, err
        return code, out, err.strip().splitlines()


@pytest.fixture
def cli(capfd, monkeypatch) -> InProcess:
    return InProcess(capfd, monkeypatch)


@pytest.mark.parametrize("name,data,status,message", [
    ("empty.txt", b"", 1, "empty input"),
    ("photo.jpg.txt", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" + bytes(range(256)) * 8, 1, "binary data"),
    ("noise.bin", bytes((i * 167 + 13) % 256 for i in range(5000)), 1, "binary data"),
    ("latin1.txt", STORY.replace("Kenya's", "Kényan").encode("latin-1"), 0, "not UTF-8; decoded as cp1252"),
])
def test_one_file_one_line(tmp_path, name, data, status, message):
    f = tmp_path / name
    f.write_bytes(data)
    p = run("code", str(f))
    lines = err_lines(p)
    assert p.returncode == status, p.stderr
    assert len(lines) == 1 and message in lines[0], lines
    if status:
        assert str(f) in lines[0] and p.stdout == b""
    else:
        assert "Kényan police" in json.loads(p.stdout)["text"]


def test_jsonl_with_bad_lines_codes_the_good_ones_and_reports_each_bad_one(tmp_path):
    f = tmp_path / "corpus.jsonl"
    rows = [json.dumps({"id": "good-1", "text": STORY}),
            '{"id": "broken", "text": "Troops withdrew from',
            json.dumps({"id": "no-text", "headline": "Troops withdrew"}),
            json.dumps({"id": "huge", "text": "Troops withdrew from the border town. " * 280_000}),  # ~10 MB
            json.dumps({"id": "good-2", "text": STORY.replace("Nairobi", "Mombasa")})]
    f.write_text("\n".join(rows) + "\n", encoding="utf-8")
    assert f.stat().st_size > 10 * 2**20
    p = run("code", str(f), "--format", "jsonl")
    lines = err_lines(p)
    assert p.returncode == 1
    assert [r["doc_id"] for r in jsonl(p.stdout)] == ["good-1", "good-2"]
    assert len(lines) == 3, lines
    assert f"{f}:2" in lines[0] and "malformed JSON" in lines[0]
    assert f"{f}:3 (id no-text)" in lines[1] and "no \"text\"" in lines[1]
    assert f"{f}:4" in lines[2] and "over the 2.0 MB limit" in lines[2]


def test_directory_with_good_and_bad_files(tmp_path, cli):
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\n \n\t\n")
    (tmp_path / "c.html").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "d.txt").write_text(STORY.replace("Tuesday", "Friday"), encoding="utf-8")
    code, out, lines = cli("code", str(tmp_path), "--format", "jsonl")
    assert code == 1 and len(jsonl(out)) == 2
    assert len(lines) == 2 and "b.txt: empty input" in lines[0] and "c.html: binary data" in lines[1]


def test_size_limits_are_configurable_and_say_how(tmp_path, cli):
    f = tmp_path / "long.txt"
    paras = [STORY.strip().replace("40", str(n)) for n in range(41, 81)]   # distinct: no duplicate removal
    f.write_text("Talks resume\n\n" + "\n\n".join(paras), encoding="utf-8")
    code, _, lines = cli("code", str(f), env={"EVENTWIRE_MAX_ARTICLE_BYTES": "2000"})
    assert code == 1 and len(lines) == 1 and "EVENTWIRE_MAX_ARTICLE_BYTES" in lines[0] and str(f) in lines[0]
    code, out, lines = cli("code", str(f), env={"EVENTWIRE_MAX_CHARS": "1000"})
    assert code == 0, lines
    rec = json.loads(out)
    assert len(rec["text"]) <= 1000 and rec["text"].endswith("ministry said.")  # cut at a paragraph end
    assert any(r["reason"].startswith("truncated") and "EVENTWIRE_MAX_CHARS" in r["reason"] for r in rec["removed"])


SPANISH = ("La policía de Kenia detuvo el martes a cuarenta manifestantes en Nairobi tras una marcha contra los "
           "nuevos impuestos, informó el ministerio del Interior. Los líderes de la oposición condenaron las "
           "detenciones y convocaron nuevas protestas para la próxima semana en todo el país.")


def test_non_english_is_skipped_unless_forced(tmp_path, cli):
    f = tmp_path / "es.txt"
    f.write_text(SPANISH, encoding="utf-8")
    code, out, lines = cli("code", str(f))
    rec = json.loads(out)
    assert code == 0 and rec["language"] == "es"
    assert len(lines) == 1 and "not English" in lines[0]
    assert rec["sentences"] == [] and rec["events"] == []      # extraction was skipped
    code, out, lines = cli("code", str(f), "--force-language")
    rec = json.loads(out)
    assert code == 0 and rec["language"] == "es" and rec["sentences"] != []


def test_jsonl_on_stdin(cli):
    data = (json.dumps({"id": "s1", "text": STORY}) + "\nnot json\n").encode()
    code, out, lines = cli("code", "-", "--format", "jsonl", stdin=data)
    assert code == 1 and [r["doc_id"] for r in jsonl(out)] == ["s1"]
    assert len(lines) == 1 and "<stdin>:2" in lines[0]


@pytest.mark.parametrize("args,message", [
    (["--workers", "0"], "--workers must be at least 1"),
    (["--scheduler", "tcp://127.0.0.1:1"], "--scheduler needs --engine dask"),
])
def test_bad_engine_options_are_usage_errors(tmp_path, cli, args, message):
    f = tmp_path / "a.txt"
    f.write_text(STORY, encoding="utf-8")
    code, _, lines = cli("code", str(f), *args)
    assert code == 2 and len(lines) == 1 and message in lines[0]


def test_a_stage_crash_rejects_one_article_and_names_its_line(tmp_path):
    from eventwire.inputs import read_inputs
    from eventwire.pipeline import Pipeline
    from eventwire.record import Record

    class Fragile:                      # a stage with a bug that only one article triggers
        name, requires, assigns = "fragile", (), ()

        def __call__(self, an):
            if "Mombasa" in an.record.text:
                raise KeyError("Mombasa")

    f = tmp_path / "c.jsonl"
    f.write_text("\n".join(json.dumps({"id": f"k{i}", "text": STORY.replace("Nairobi", city)})
                           for i, city in enumerate(["Nairobi", "Mombasa", "Kisumu"])) + "\n", encoding="utf-8")
    p = Pipeline()
    p.stages = [*p.stages, Fragile()]
    out = list(p.pipe(read_inputs([str(f)])))
    assert [type(o).__name__ for o in out] == ["Record", "Rejection", "Record"]
    assert out[1].origin == f"{f}:2 (id k1)" and "internal error in the fragile stage: KeyError" in out[1].reason
    assert isinstance(out[2], Record) and out[2].doc_id == "k2"


def test_lone_surrogate_escapes_in_jsonl_still_give_valid_utf8_json(tmp_path, cli):
    f = tmp_path / "s.jsonl"
    f.write_text('{"id": "sur\\ud800", "title": "Kenya \\udc00", "text": "Kenya\'s police arrested 40 '
                 'protesters \\ud83d in Nairobi on Tuesday, the interior ministry said."}\n', encoding="utf-8")
    code, out, lines = cli("code", str(f))
    assert code == 0, lines
    rec = json.loads(out)
    assert rec["doc_id"] == "sur\ufffd" and "protesters \ufffd in Nairobi" in rec["text"]
    out.encode("utf-8")


def test_truncating_one_long_paragraph_keeps_most_of_it_and_ends_on_a_sentence():
    from eventwire.clean import clean_text

    body = " ".join(f"Police arrested {n} protesters in Nairobi on Tuesday." for n in range(100, 400))
    out = clean_text("Kenya protests\n\n" + body, max_chars=2000)
    assert 1000 <= len(out.text) <= 2000 and out.text.endswith("on Tuesday.")
    assert out.removed[-1].reason.startswith("truncated")
    assert out.removed[-1].text.startswith("Police arrested")
