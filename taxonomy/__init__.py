"""The skills taxonomy: ESCO import, Tandem's starter taxonomy, normalisation and extraction."""
