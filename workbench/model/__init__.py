"""The data that flows through the core: paragraphs, links, findings, the reviewed document."""
