"""Glossary terms learned from what reviewers corrected: the corrections, the term
replacements found in them, and a suggestion approved as a term (mixed into
:class:`~workbench.service.glossary.GlossaryCases`)."""

from __future__ import annotations

from workbench.errors import GlossaryFormatError
from workbench.service.views import CorrectedLink, GlossaryTerm, User
from workbench.store import glossary as term_rows


class TermLearning:
    """The learning use cases; the class they are mixed into gives ``store``,
    ``users``, ``review``, ``effective_glossary``, ``add_term`` and ``update_term``."""

    def corrections(self, actor: User) -> list[CorrectedLink]:
        """Every link, in every document, whose current text differs from its machine
        translation: what reviewers changed, for learning glossary terms."""
        self.users.check(actor, "view")
        found = []
        for doc in self.review.summaries():
            if not doc.corrected:
                continue
            found += [CorrectedLink(doc.id, r.ordinal, r.source_text, r.mt_text, r.current_text)
                      for r in self.review.get_review(actor, doc.id).rows
                      if r.corrected and r.current_text.strip() != r.mt_text.strip()]
        return found

    def term_suggestions(self, actor: User, min_count: int = 1) -> list:
        """Term replacements reviewers made in their corrections
        (:func:`workbench.glossary.suggestions.suggest_terms`), most frequent first, each credited to a
        Vietnamese term of the glossary the checks use (or a name in the source); e.g.
        "reviewers changed مجلس تنظيم to اللجنة التنظيمية 3 times for Ban Tổ chức"."""
        from workbench.glossary.suggestions import suggest_terms

        corrections = self.corrections(actor)
        if not corrections:
            return []
        return [t for t in suggest_terms(corrections, self.effective_glossary(),
                                         min_count=min_count) if t.source_term]

    def adopt_suggestion(self, actor: User, suggestion) -> GlossaryTerm:
        """Approve a learned suggestion (glossary maintainer): the term's Arabic becomes
        what reviewers wrote and what they replaced becomes forbidden.  A stored term is
        updated; a term only in the shipped glossary is copied with its variants and
        category, so approving never loses what the checks already accepted."""
        source, to_text = suggestion.source_term.strip(), suggestion.to_text.strip()
        from_text = suggestion.from_text.strip()
        if not source or not to_text:
            raise GlossaryFormatError("this suggestion names no Vietnamese term: add it by hand")
        with self.store.read() as s:
            self.users.authorize(s, actor, "edit_glossary")
            stored = term_rows.approved(s, source)
            stored_id = stored.id if stored is not None else None
        entry = self.effective_glossary().lookup(source)
        target = to_text
        if entry is not None:
            # The rendering reviewers replaced goes, with or without its article.
            replaced = {from_text, "ال" + from_text, from_text.removeprefix("ال")}
            variants = [v for v in (entry.target, *entry.variants)
                        if v not in replaced and v != target]
            forbidden = [f for f in entry.forbidden if f != target]
            category, note = entry.category, entry.note
        else:
            variants, forbidden, category, note = [], [], "term", ""
        if from_text and from_text not in forbidden and from_text != target:
            forbidden.append(from_text)
        note = "; ".join(n for n in (note, suggestion.message) if n)
        fields = {"source": entry.source if entry else source, "target": target,
                  "variants": list(dict.fromkeys(variants)), "forbidden": forbidden,
                  "category": category, "note": note}
        if stored_id is not None:
            return self.update_term(actor, stored_id, **fields)
        return self.add_term(actor, **fields)
