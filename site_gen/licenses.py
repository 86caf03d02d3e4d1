"""License ids (SPDX) -> display name and the URL of the license text."""

from __future__ import annotations

_CC = {
    "CC-BY-4.0": ("Creative Commons Attribution 4.0 International (CC BY 4.0)", "by/4.0"),
    "CC-BY-SA-4.0": ("Creative Commons Attribution-ShareAlike 4.0 (CC BY-SA 4.0)", "by-sa/4.0"),
    "CC-BY-NC-4.0": ("Creative Commons Attribution-NonCommercial 4.0 (CC BY-NC 4.0)", "by-nc/4.0"),
    "CC-BY-ND-4.0": ("Creative Commons Attribution-NoDerivatives 4.0 (CC BY-ND 4.0)", "by-nd/4.0"),
}


def license_info(spdx: str) -> tuple[str, str | None]:
    """(human-readable name, URL of the license text or None) for a license id."""
    if spdx in _CC:
        name, tail = _CC[spdx]
        return name, f"https://creativecommons.org/licenses/{tail}/"
    if spdx == "all-rights-reserved":
        return "All rights reserved", None
    return spdx, None
