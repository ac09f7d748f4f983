"""A slow stand-in for the pipeline, for the job tests: the fake analysis of
``fake_pipeline`` after ``SLOW_STEPS`` steps of ``SLOW_STEP_S`` seconds, reporting
progress before each step (where a cancelled job stops).  With ``SLOW_LOG`` set, each
run appends ``pid<TAB>first source paragraph`` to that file, so a test can see which
process ran which document and whether one ran twice.  Worker processes load it with
``WORKBENCH_ANALYSER=slow_pipeline:analyse``.
"""

from __future__ import annotations

import os
import time

from fake_pipeline import fake_analyse


def analyse(source, target, glossary=None, backend=None, progress=None, links=None):
    steps = int(os.environ.get("SLOW_STEPS", "20"))
    step_s = float(os.environ.get("SLOW_STEP_S", "0.1"))
    log = os.environ.get("SLOW_LOG")
    if log:
        with open(log, "a", encoding="utf-8") as handle:
            handle.write(f"{os.getpid()}\t{source[0].text[:60]}\n")
    for k in range(steps):
        if progress:
            progress(k / steps, f"Step {k + 1} of {steps}")
        time.sleep(step_s)
    return fake_analyse(source, target, glossary=glossary, links=links)
