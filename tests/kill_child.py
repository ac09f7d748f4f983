"""Child process of ``test_kill.py``: saves corrections until it is killed.

    python tests/kill_child.py URL DOC_ID USER PASSWORD THREADS

After each save has returned (committed), prints one JSON line
``{"id": ..., "link": ..., "version": ..., "text": ...}`` and flushes: that line is
the acknowledgement the parent holds the database to.  Refused saves print
``{"conflict": id, "text": ...}``.
"""

from __future__ import annotations

import json
import sys
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from workbench.service import SaveConflict, Service  # noqa: E402
from workbench.store import Store  # noqa: E402

_print_lock = threading.Lock()


def say(record: dict) -> None:
    with _print_lock:
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        sys.stdout.flush()


def work(service: Service, user, doc_id: int, tag: str) -> None:
    n = 0
    while True:
        for row in service.get_review(user, doc_id).rows:
            n += 1
            text = f"{row.mt_text}\n\n(بعد المراجعة {tag}-{n}) đã sửa"
            try:
                saved = service.save_correction(user, doc_id, row.ordinal, text, row.version,
                                                link_id=row.link_id)
            except SaveConflict as conflict:
                say({"conflict": conflict.conflict_revision_id, "text": text})
                continue
            say({"id": saved.id, "link": saved.link_id, "version": saved.version,
                 "text": text})


def main() -> None:
    url, doc_id, name, password, threads = sys.argv[1:6]
    service = Service(Store(url), bcrypt_rounds=4)
    user = service.authenticate(name, password).user
    say({"ready": True})
    workers = [threading.Thread(target=work, args=(service, user, int(doc_id), f"t{k}"),
                                daemon=True) for k in range(int(threads))]
    for w in workers:
        w.start()
    for w in workers:
        w.join()


if __name__ == "__main__":
    main()
