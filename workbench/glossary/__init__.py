"""Glossaries: terms and their files, finding terms in text, suggestions learned from corrections."""
