"""Where an installation keeps what it makes once and every process reuses: the compiled quote
extractor, the unpacked language model and the regular expressions' programs."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def install_dir() -> Path:
    """``SITE_GEN_ACCEL_DIR``, else ``<venv>/site-gen-accel`` (``sys.prefix``): safe to delete,
    everything in it is made again when missing."""
    return Path(os.environ.get("SITE_GEN_ACCEL_DIR") or Path(sys.prefix) / "site-gen-accel")
