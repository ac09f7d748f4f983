"""Shared fixtures: paths to the repo and the demo document."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "demo"

os.environ.setdefault("OMP_NUM_THREADS", "2")
# Apps and services built by tests analyse inside the call, as before jobs existed: a
# worker thread per app test would outlive its test (and poll its deleted database).
# The job tests choose their mode explicitly.
os.environ.setdefault("WORKBENCH_JOBS", "immediate")


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def demo_dir() -> Path:
    return DEMO
