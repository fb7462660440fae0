"""Matching: taxonomy, embedding, index, constraints, ranking and explanations (later issues)."""
