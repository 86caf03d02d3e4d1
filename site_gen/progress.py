"""What a long build shows while it runs.

On a terminal, a bar per stage, rewritten in place as the work is done (``process`` 812/10000);
when the output is not a terminal (a log, CI), a plain line per stage every few seconds; nothing
with ``-q``, and nothing at all for a build that is over within a second. It goes to standard
error, so that standard output keeps only the summary.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

BAR = 30  # characters of the bar


class Progress:
    """Called as ``progress(stage, done, total)`` by the build's stages."""

    def __init__(
        self,
        stream: TextIO | None = None,
        tty: bool | None = None,
        quiet: bool = False,
        delay: float = 1.0,
        every: float = 5.0,
    ) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.tty = self.stream.isatty() if tty is None else tty
        self.quiet = quiet
        self.delay, self.every = delay, every
        self.start = time.monotonic()
        self.last = 0.0
        self.stage = ""
        self.open = False  # a bar is on the line

    def __call__(self, stage: str, done: int, total: int) -> None:
        if self.quiet or total <= 0:
            return
        now = time.monotonic()
        if now - self.start < self.delay:
            return
        finished = done >= total
        if stage == self.stage and not finished and now - self.last < (
            0.1 if self.tty else self.every
        ):
            return
        if self.tty:
            if stage != self.stage and self.open:
                self.stream.write("\n")
            filled = BAR * min(done, total) // total
            self.stream.write(
                f"\r{stage:<8} [{'#' * filled}{'.' * (BAR - filled)}] {done:,}/{total:,}"
            )
            self.open = True
        else:
            self.stream.write(f"{stage}: {done:,}/{total:,}\n")
        self.stream.flush()
        self.stage, self.last = stage, now

    def close(self) -> None:
        """End the bar's line (before the summary is printed)."""
        if self.open:
            self.stream.write("\n")
            self.stream.flush()
            self.open = False


def no_progress(stage: str, done: int, total: int) -> None:
    pass
