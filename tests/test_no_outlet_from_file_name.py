"""An outlet is never read from a file's name or folder (only from what the file says or from
the user's configuration: a folder's _defaults.toml)."""

from __future__ import annotations

from site_gen.reader import read_document
from site_gen.registry import default_registry

TEXT = b"Ferry line approved\n\nThe harbour board approved the ferry line on Monday.\n"


def test_folder_and_file_name_name_no_outlet():
    for path in ("reuters/ferry.txt", "reuters_ferry.txt", "presstv/2024/ferry.txt"):
        doc = read_document(path, TEXT, default_registry()).document
        assert doc.source_name is None, path


def test_the_text_still_names_its_outlet():
    doc = read_document("reuters/ferry.txt", TEXT + b"\nSource: Press TV\n", default_registry())
    assert doc.document.source_name == "Press TV"
