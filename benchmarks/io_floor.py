"""The I/O floor of a build: write files of the given sizes at the given paths, nothing else.

    python benchmarks/io_floor.py MANIFEST DEST

MANIFEST has one ``SIZE<TAB>RELATIVE/PATH`` line per file (``scale.py`` writes it from a real
build's output); the files are created under DEST (which must not exist) with that many bytes
of random data each, through the same calls a build makes (make the folder, open, write).
Standard library only, so that the process does no more than start Python and write.
"""

from __future__ import annotations

import os
import sys

BLOCK = os.urandom(1 << 20)


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    manifest, dest = argv
    os.mkdir(dest)
    made = {dest}
    with open(manifest, encoding="utf-8") as lines:
        for line in lines:
            size_text, rel = line.rstrip("\n").split("\t", 1)
            path = os.path.join(dest, rel)
            folder = os.path.dirname(path)
            if folder not in made:
                os.makedirs(folder, exist_ok=True)
                made.add(folder)
            size = int(size_text)
            with open(path, "wb") as out:
                while size > 0:
                    out.write(BLOCK[: min(size, len(BLOCK))])
                    size -= len(BLOCK)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
