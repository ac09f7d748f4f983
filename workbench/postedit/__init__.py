"""Post-edit effort: how far reviewers moved the machine translation."""
