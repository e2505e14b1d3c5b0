"""Child process for test_crash_safety: changes annotations in a loop until it is SIGKILLed.

Usage: python crash_worker.py FOLDER SEED MODE      (MODE: "ops" or "reindex")

Protocol on stdout (one line per event, flushed):
  ready
  try <op> <id|-> <note|->      before each service call (the call that may be in flight)
  saved <id> <note>             after annotate() returned
  edited <id> <note>            after edit_annotation(note=...) returned
  deleted <id>                  after delete_annotation() returned
  restored <id>                 after restore_annotation() returned
  reindexed <count>             after reindex() returned
A result line is printed only after the call returned, so a reported change must be durable.
"""
from __future__ import annotations

import random
import sys

TAGS = ("company", "figure", "quote", "person")
LETTERS = "bcdfghjklmnpqrstvwxz"


def _say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def main() -> None:
    folder, seed, mode = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    from reader.core.services import Library

    rng = random.Random(seed)
    lib = Library.open(folder)
    article = lib.list_articles()[0]
    text_len = len(lib.article(article.id).text)
    live = sorted(a.id for a in lib.annotations())
    trashed = sorted(a.id for a in lib.trash())
    counter = 0

    def new_note() -> str:
        nonlocal counter
        counter += 1
        return "w" + "".join(rng.choice(LETTERS) for _ in range(10))

    _say("ready")
    while True:
        if mode == "reindex" and rng.random() < 0.5:
            _say("try reindex - -")
            count = lib.reindex()
            _say(f"reindexed {count}")
            continue
        roll = rng.random()
        if roll < 0.35 or not live:
            start = rng.randrange(0, text_len - 40)
            end = start + rng.randint(1, 40)
            note = new_note()
            _say(f"try annotate - {note}")
            ann = lib.annotate(article.id, tags=[rng.choice(TAGS)], start=start, end=end, note=note)
            live.append(ann.id)
            _say(f"saved {ann.id} {note}")
        elif roll < 0.65:
            ann_id = rng.choice(live)
            note = new_note()
            _say(f"try edit {ann_id} {note}")
            lib.edit_annotation(ann_id, note=note)
            _say(f"edited {ann_id} {note}")
        elif roll < 0.85 or not trashed:
            ann_id = rng.choice(live)
            _say(f"try delete {ann_id} -")
            lib.delete_annotation(ann_id)
            live.remove(ann_id)
            trashed.append(ann_id)
            _say(f"deleted {ann_id}")
        else:
            ann_id = rng.choice(trashed)
            _say(f"try restore {ann_id} -")
            lib.restore_annotation(ann_id)
            trashed.remove(ann_id)
            live.append(ann_id)
            _say(f"restored {ann_id}")


if __name__ == "__main__":
    main()
