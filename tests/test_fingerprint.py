"""The pipeline fingerprint covers every module and data file that shapes an index, found by imports."""
from __future__ import annotations

from pathlib import Path

import assistant
from assistant.indexer import RECORDED_ELSEWHERE, shaping_files


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_a_module_imported_at_any_depth_is_covered_and_the_recorded_ones_are_not(tmp_path):
    package = tmp_path / "assistant"
    _write(package / "indexer.py", "import os\nfrom assistant.facts import extract\nimport assistant.embedding\n")
    _write(package / "facts" / "__init__.py", "from assistant.facts.rows import read_rows\n")
    _write(package / "facts" / "rows.py", "def read_rows():\n    from assistant.brand_new import helper\n")
    _write(package / "brand_new.py", "from . import sibling\nhelper = 1\n")
    _write(package / "sibling.py", "")  # a relative import is not followed: the package uses none
    _write(package / "embedding.py", "from assistant.text import fold\n")
    _write(package / "text.py", "")
    _write(package / "answer.py", "from assistant.indexer import build_index\n")
    _write(package / "data" / "gazetteer.json", "{}")
    _write(package / "data" / "answer_scorer.json", "{}")
    covered = {p.relative_to(package).as_posix() for p in shaping_files(package)}
    assert covered == {"indexer.py", "facts/__init__.py", "facts/rows.py", "brand_new.py", "data/gazetteer.json"}


def test_the_real_package_covers_its_readers_extractors_sentences_and_gazetteer():
    package = Path(assistant.__file__).parent
    covered = {p.relative_to(package).as_posix() for p in shaping_files(package)}
    readers = {f"readers/{p.name}" for p in (package / "readers").glob("*.py")}
    facts = {f"facts/{p.name}" for p in (package / "facts").glob("*.py")}
    assert readers | facts <= covered
    assert {"metadata.py", "chunking.py", "text.py", "places.py", "numbers.py", "people.py", "factstore.py",
            "sentence_vectors.py", "store.py", "data/gazetteer.json"} <= covered
    assert not covered & {f"{name}.py" for name in RECORDED_ELSEWHERE}
    assert not covered & {"answer.py", "scorer.py", "features.py", "data/answer_scorer.json"}
