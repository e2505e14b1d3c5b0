"""Peak memory, in a process of its own: `python -m bench.memory_child hamish DATA_DIR` opens the
library's last article in the real window (as `hamish --data-dir DATA_DIR` does); `... bare
TEXTFILE` shows the same text in a bare QTextBrowser with the reading font. Either waits for the
first paint, finishes the layout, lets events settle, then prints `peak-rss-kb <ru_maxrss>`.
"""
from __future__ import annotations

import resource
import sys
import time


def _settle(app, seconds: float) -> None:  # noqa: ANN001
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.005)


def _until_painted(app, widget) -> None:  # noqa: ANN001
    from bench.gui import _paint_watch, _until_painted as wait

    wait(app, _paint_watch(widget), 0)


def main(argv: list[str]) -> int:
    mode, target = argv
    if mode == "hamish":
        from reader.app import make_application, open_window

        app = make_application("en")
        library, window = open_window(target, [])
        view = window.view
        _until_painted(app, view.viewport())
        view.document().documentLayout().blockBoundingRect(view.document().lastBlock())
        _settle(app, 0.5)
        print(f"highlights {len(view.annotations)}", flush=True)
    else:
        from PySide6.QtWidgets import QApplication, QTextBrowser

        from reader.ui.fonts import reading_font

        app = QApplication(sys.argv[:1])
        with open(target, encoding="utf-8") as f:
            text = f.read()
        window = QTextBrowser()
        window.setFont(reading_font(15))
        window.setPlainText(text)
        window.resize(1280, 800)
        window.show()
        _until_painted(app, window.viewport())
        window.document().documentLayout().blockBoundingRect(window.document().lastBlock())
        _settle(app, 0.5)
    # Linux and the BSDs report kilobytes, macOS bytes.
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"peak-rss-kb {peak // 1024 if sys.platform == 'darwin' else peak}", flush=True)
    window.close()
    if mode == "hamish":
        _settle(app, 0.1)
        library.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
