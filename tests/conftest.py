"""Shared fixtures: paths to the repo and the demo document."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "demo"

os.environ.setdefault("OMP_NUM_THREADS", "2")
# The suite runs as the demo deployment (demo/demo, short test passwords, cheap to
# type); the tests of the safe defaults (tests/test_security.py) pass their own
# Settings.  Subprocesses (CLI, browser, kill tests) inherit these.
os.environ.setdefault("WORKBENCH_DEMO", "1")
os.environ.setdefault("WORKBENCH_MIN_PASSWORD_LENGTH", "4")
os.environ.setdefault("WORKBENCH_COMMON_PASSWORDS", "none")
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
