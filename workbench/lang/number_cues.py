"""Words that make a number a label, in Vietnamese and Arabic, as data.

"Chi bộ số 4" is party cell number 4 (a name), not the fourth cell: Arabic writes
"الخلية رقم 4"; machine translation often turns it into the ordinal "الرابعة".
"""

from __future__ import annotations

#: Vietnamese words before a number that make it a label ("số 4", "số 16").
LABEL_WORDS_VI: tuple[str, ...] = ("số",)
#: The Arabic label word, for the message.
LABEL_WORD_AR = "رقم"

#: Page furniture that carries a number: the advert slots "[إعلان 2]" web pages put
#: between paragraphs.  A bracketed one of these words with a number is no figure.
CHROME_MARKERS_AR: tuple[str, ...] = ("إعلان",)
