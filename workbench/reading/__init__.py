"""Reading: bytes in, paragraphs out (encoding, document formats, language, page furniture)."""
