"""Numbers: numeric facts found in Vietnamese and Arabic text, and their comparison."""
