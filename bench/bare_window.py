"""Cold-start reference, run as a script: `python bench/bare_window.py TEXTFILE`.

A bare PySide6 window (QApplication + QTextBrowser, 1280×800, default font) showing TEXTFILE;
prints `first-paint <time.monotonic()> <time.time()>` once its viewport has painted for the
first time, exactly as Hamish does with HAMISH_BENCH_FIRST_PAINT=1, and closes.
"""
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QTextBrowser


class FirstPaint(QObject):
    seen = False

    def __init__(self, window: QTextBrowser) -> None:
        super().__init__(window)
        self.window = window

    def eventFilter(self, watched, event) -> bool:  # noqa: ANN001, N802
        if event.type() == QEvent.Type.Paint and not self.seen:
            self.seen = True
            QTimer.singleShot(0, self.report)  # runs once this paint has finished
        return False

    def report(self) -> None:
        print(f"first-paint {time.monotonic():.6f} {time.time():.6f}", flush=True)
        self.window.close()


def main() -> int:
    app = QApplication(sys.argv[:1])
    with open(sys.argv[1], encoding="utf-8") as f:
        text = f.read()
    window = QTextBrowser()
    window.setPlainText(text)
    window.resize(1280, 800)
    watcher = FirstPaint(window)
    window.viewport().installEventFilter(watcher)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
