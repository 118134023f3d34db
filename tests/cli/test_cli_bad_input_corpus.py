"""A corpus of every kind of bad input beside good articles: one clear line each, the good ones stored."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

GOOD = (
    "Latvian Defence Minister Ilze Kalnina met Polish Defence Minister Piotr Zielinski in Riga on 4 May 2023."
)


def bad_corpus(folder: Path) -> dict[str, str]:
    """Write one input of each bad kind into `folder`; the reason each must be reported with, by name."""
    (folder / "empty.txt").write_bytes(b"")
    (folder / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (folder / "latin1.txt").write_bytes("Le ministre a reçu l'attaché.".encode("latin-1"))
    (folder / "bom16.txt").write_bytes(GOOD.encode("utf-16"))
    (folder / "wide.txt").write_bytes(GOOD.encode("utf-16-le"))
    (folder / "gone.txt").symlink_to(folder / "nowhere.txt")
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    os.mkfifo(folder / "pipe.txt")
    (folder / "two\nlines.txt").write_bytes(b"")
    feed = [
        json.dumps({"id": "wire-good", "text": GOOD}),
        '{"id": "wire-cut", "text": "The ministers',
        json.dumps({"id": "wire-good", "text": GOOD + " Again."}),
        json.dumps({"id": "wire-list", "text": ["not", "text"]}),
    ]
    (folder / "feed.jsonl").write_text("\n".join(feed) + "\n", encoding="utf-8")
    return {
        "empty.txt": "file is empty",
        "photo.txt": "binary file",
        "latin1.txt": "not valid UTF-8",
        "bom16.txt": "UTF-16 text; save it as UTF-8",
        "wide.txt": "UTF-16 text without a byte order mark",
        "gone.txt": "which does not exist; not read",
        "loop.txt": "symbolic link loop",
        "pipe.txt": "not a regular file (a named pipe)",
        "two\\nlines.txt'": "file is empty",
        "feed.jsonl:2": "not valid JSON",
        "feed.jsonl:3": "article id 'wire-good' was already read from",
        "feed.jsonl:4": "field 'text' must be a non-empty string",
    }


def test_every_bad_input_gets_one_line_and_the_good_articles_are_stored(
    milgraph, stored_ids, samples, sample_ids, tmp_path: Path
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for sample in sample_ids:
        shutil.copy(samples / f"{sample}.txt", corpus)
    expected = bad_corpus(corpus)
    store = str(tmp_path / "store")
    run = milgraph("ingest", corpus, "--store", store)
    assert run.status == 1
    assert "Traceback" not in run.err
    skipped = [line for line in run.err.splitlines() if line.startswith("milgraph: skipped ")]
    assert len(skipped) == len(expected)
    for name, reason in expected.items():
        [line] = [line for line in skipped if f"/{name}: " in line]
        assert reason in line
    assert stored_ids(store) == sorted([*sample_ids, "wire-good"])
