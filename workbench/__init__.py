"""MT review workbench: review Arabic machine translations of Vietnamese news.

The package is layered (see README): a pure core (reading, normalising, embedding,
aligning, scoring, checking, glossary, export), a store and a service layer, and a
thin Streamlit UI in ``app.py`` / ``pages/``.
"""

__version__ = "0.1.0"
