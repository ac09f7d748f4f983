"""The command line: ``python -m workbench ...`` (CLI-CONTRACT.md)."""
