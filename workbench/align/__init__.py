"""Alignment: embedding backends, the paragraph aligner and the fidelity scorer."""
