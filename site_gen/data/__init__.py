"""Data shipped with site-gen: the outlet registry and the licence table (TOML)."""
