"""The int8 ONNX backend of the bundled model: the same vectors (within 0.01 cosine) as the
PyTorch model's, so it reuses every stored vector."""

from __future__ import annotations

import numpy as np
import pytest

from matching.embedding import BUNDLED_MODEL, Embedder, load_embedder

pytestmark = pytest.mark.slow

TEXTS = [
    "I looked after my grandmother for three years",
    "ran the till at my uncle's shop",
    "operate cash register",
    "you keep the shelves stocked and greet customers",
    "Python",
]


def test_the_onnx_backend_gives_the_bundled_models_vectors(embedder: Embedder) -> None:
    if embedder.name != BUNDLED_MODEL:
        pytest.skip("the int8 build is of the bundled model only")
    onnx = load_embedder(BUNDLED_MODEL, "onnx-int8")
    assert onnx.name == embedder.name
    assert onnx.dim == embedder.dim
    ours, theirs = onnx.encode(TEXTS), embedder.encode(TEXTS)
    assert ours.shape == theirs.shape
    assert np.allclose(np.linalg.norm(ours, axis=1), 1.0, atol=1e-4)
    assert float((ours * theirs).sum(axis=1).min()) > 0.99
    # Order of meaning is kept: the till is nearer the cash register than the grandmother.
    till, register, grandmother = ours[1], ours[2], ours[0]
    assert till @ register > grandmother @ register


def test_an_unknown_backend_or_another_model_is_refused() -> None:
    with pytest.raises(ValueError, match="backend"):
        load_embedder(BUNDLED_MODEL, "tensorflow")
    with pytest.raises(ValueError, match="bundled"):
        load_embedder("/some/other/model", "onnx-int8")
