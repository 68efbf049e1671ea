"""Reading inputs: real files in every encoding and shape a news scrape produces, good and bad."""
from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

from eventwire.errors import InputError
from eventwire.inputs import Article, Rejection, decode, read_inputs

STORY = ("Ministers from Chad and Niger met in N’Djamena on Tuesday to discuss border security.\n\n"
         "“We agreed to share intelligence,” Chad’s foreign minister told reporters after the talks.\n")


def read(path: Path, **kw) -> list[Article | Rejection]:
    return list(read_inputs([str(path)], **kw))


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    f = tmp_path / name
    f.write_bytes(data)
    return f


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252"])
def test_western_legacy_encodings_decode_to_the_right_letters(tmp_path, encoding):
    text = "Le président a rencontré les délégués à Genève et à Zürich.\n\nThe café owner said the talks went well."
    if encoding == "cp1252":
        text += " “It was a good day” – he said."
    (art,) = read(write(tmp_path, "a.txt", text.encode(encoding)))
    assert isinstance(art, Article)
    assert art.text == text
    assert art.encoding == "cp1252"          # Latin-1's printable characters are a subset of Windows-1252


@pytest.mark.parametrize("encoding,expected", [("utf-16", "utf-16"), ("utf-8-sig", "utf-8")])
def test_byte_order_marks_are_honoured(tmp_path, encoding, expected):
    (art,) = read(write(tmp_path, "a.txt", STORY.encode(encoding)))
    assert isinstance(art, Article) and art.text == STORY and art.encoding == expected


def test_cyrillic_legacy_encoding_is_detected(tmp_path):
    text = "Президент России заявил во вторник, что переговоры продолжатся в Стамбуле на следующей неделе."
    (art,) = read(write(tmp_path, "ru.txt", text.encode("cp1251")))
    assert isinstance(art, Article) and art.text == text


@pytest.mark.parametrize("data,reason", [
    (b"", "empty input"),
    (b"  \n\n\t  \r\n", "empty input"),
    (bytes(range(256)) * 20, "binary data"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(500), "binary data"),
    (b"%PDF-1.7\n" + os.urandom(0) + bytes([0x80 | (i * 37 % 128) for i in range(3000)]), "no text encoding"),
])
def test_unusable_files_are_rejected_with_their_reason(tmp_path, data, reason):
    f = write(tmp_path, "bad.txt", data)
    (rej,) = read(f)
    assert isinstance(rej, Rejection) and reason in rej.reason and rej.origin == str(f)


def test_random_bytes_never_become_an_article(tmp_path):
    rng = __import__("random").Random(5)
    for i in range(20):
        data = bytes(rng.randrange(256) for _ in range(4000))
        out = read(write(tmp_path, f"r{i}.bin", data))
        assert len(out) == 1 and isinstance(out[0], Rejection), out[0]


def test_oversized_file_is_rejected_before_reading(tmp_path):
    f = write(tmp_path, "big.txt", b"The army withdrew. " * 200)
    (rej,) = read(f, max_article_bytes=1000)
    assert isinstance(rej, Rejection) and "over the 1000 bytes limit" in rej.reason
    assert "EVENTWIRE_MAX_ARTICLE_BYTES" in rej.reason


def test_jsonl_bad_lines_are_reported_by_line_and_good_ones_kept(tmp_path):
    lines = [json.dumps({"id": "ok-1", "text": STORY}),
             '{"id": "broken", "text": "no closing quote}',
             json.dumps({"id": "no-text", "title": "Only a title"}),
             "",
             json.dumps(["a", "list"]),
             json.dumps({"id": "huge", "text": "Troops advanced. " * 200_000}),
             json.dumps({"id": "ok-2", "html": "<p>" + STORY + "</p>", "published": 20240101}),
             "[" * 100_000]
    f = write(tmp_path, "c.jsonl", "\n".join(lines).encode())
    out = read(f, max_article_bytes=2**20)
    kinds = [(type(o).__name__, o.origin) for o in out]
    assert kinds == [("Article", f"{f}:1 (id ok-1)"), ("Rejection", f"{f}:2"), ("Rejection", f"{f}:3 (id no-text)"),
                     ("Rejection", f"{f}:5"), ("Rejection", f"{f}:6"), ("Article", f"{f}:7 (id ok-2)"),
                     ("Rejection", f"{f}:8")]
    assert "malformed JSON" in out[1].reason and "column" in out[1].reason
    assert "no \"text\" or \"html\" field" in out[2].reason
    assert "must be an object" in out[3].reason
    assert "over the 1.0 MB limit" in out[4].reason
    assert out[5].meta.published == "20240101" and out[5].html.startswith("<p>")
    assert "malformed JSON" in out[6].reason


def test_jsonl_line_in_windows_1252_is_decoded(tmp_path):
    f = write(tmp_path, "w.jsonl", '{"id": "w", "text": "The café in Genève reopened on Monday."}\n'.encode("cp1252"))
    (art,) = read(f)
    assert isinstance(art, Article) and art.text == "The café in Genève reopened on Monday." and art.encoding == "cp1252"


def test_jsonl_on_stdin_is_streamed_line_by_line():
    data = (json.dumps({"id": "s1", "text": STORY}) + "\n{oops\n" + json.dumps({"id": "s2", "text": STORY})).encode()
    out = list(read_inputs(["-"], stdin=io.BytesIO(data)))
    assert [(type(o).__name__, o.origin) for o in out] == [
        ("Article", "<stdin>:1 (id s1)"), ("Rejection", "<stdin>:2"), ("Article", "<stdin>:3 (id s2)")]


def test_plain_text_and_html_on_stdin():
    (txt,) = read_inputs(["-"], stdin=io.BytesIO(STORY.encode()))
    (page,) = read_inputs(["-"], stdin=io.BytesIO(b"<html><body><p>" + STORY.encode() + b"</p></body></html>"))
    assert txt.text == STORY and page.html and page.text is None


def test_oversized_stdin_is_rejected_without_reading_it_all():
    stream = io.BytesIO(b"The army withdrew. " * 100_000)
    (rej,) = read_inputs(["-"], stdin=stream, max_article_bytes=10_000)
    assert isinstance(rej, Rejection) and "over 10000 bytes" in rej.reason
    assert stream.tell() < 100_000


def test_directory_without_articles_is_one_rejection(tmp_path):
    (tmp_path / "notes.csv").write_text("a,b\n")
    (rej,) = read(tmp_path)
    assert isinstance(rej, Rejection) and "no .txt, .html or .jsonl" in rej.reason


def test_decode_rejects_a_byte_order_mark_with_nothing_after_it():
    with pytest.raises(InputError, match="empty"):
        decode(b"\xff\xfe" + " \n".encode("utf-16-le"))


def test_a_named_pipe_is_read_as_a_stream(tmp_path):
    import threading

    fifo = tmp_path / "feed"
    os.mkfifo(fifo)
    writer = threading.Thread(target=lambda: fifo.write_bytes((json.dumps({"id": "p1", "text": STORY}) + "\n").encode()))
    writer.start()
    out = read(fifo)
    writer.join(timeout=10)
    assert [(type(o).__name__, o.origin) for o in out] == [("Article", f"{fifo}:1 (id p1)")]


def test_an_endless_device_stops_at_the_limit():
    (rej,) = read_inputs(["/dev/zero"], max_article_bytes=10_000)
    assert isinstance(rej, Rejection) and "over 10000 bytes" in rej.reason and rej.origin == "/dev/zero"


RUSSIAN = "Президент России заявил во вторник, что переговоры продолжатся в Стамбуле на следующей неделе."
CSS = "<style>" + "body { margin: 0; padding: 0 }\n" * 40 + "</style>"


@pytest.mark.parametrize("head", ['<meta charset="windows-1251">',
                                  '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">',
                                  ""])   # no declaration: the words, not the ASCII markup, decide
def test_html_page_in_a_legacy_cyrillic_encoding(tmp_path, head):
    page = f"<html><head>{head}<title>Новости</title>{CSS}</head><body><p>{RUSSIAN}</p></body></html>"
    (art,) = read(write(tmp_path, "ru.html", page.encode("cp1251")))
    assert isinstance(art, Article) and RUSSIAN in art.html and art.encoding == "cp1251"


def test_a_wrong_charset_declaration_is_overruled(tmp_path):
    page = f"<html><head><meta charset='utf-8'>{CSS}</head><body><p>The café in Genève reopened.</p></body></html>"
    (art,) = read(write(tmp_path, "fr.html", page.encode("cp1252")))
    assert "café in Genève" in art.html and art.encoding == "cp1252"


def test_a_page_declared_latin1_is_read_as_windows_1252_like_browsers_do(tmp_path):
    page = b'<?xml version="1.0" encoding="ISO-8859-1"?><p>\x93We will stay,\x94 he said \x96 in Gen\xe8ve.</p>'
    (art,) = read(write(tmp_path, "q.html", page))
    assert "“We will stay,” he said – in Genève." in art.html and art.encoding == "cp1252"
