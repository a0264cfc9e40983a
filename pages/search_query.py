"""What a citizen types into a search box, as a query Wagtail's search backend can run.

Handed a plain string, Wagtail's database backend (django-modelsearch) quotes each word into
the database's own query language without escaping it: a lone ``"`` ends SQLite FTS5's
string early ("unterminated string", wagtail/wagtail#13227), and a NUL byte is refused by
PostgreSQL. Both indexes only ever hold words (runs of letters and digits; punctuation
separates them), so the words of the text are all a search can match. Each term the citizen
typed (text between spaces) keeps its words together, joined by a hyphen, which both
backends read as "these words in a row" ("070-123", "e-post"), and nothing else: no quote,
bracket or operator of either query language. The terms reach the backend as a
``PlainText`` query object that asks for all of them, as the database backend does with a
plain string.

In Swedish each word also finds the words that begin with its stem (core.stemming):
"bygglovena" finds "Bygglov", "förskoleplatsen" finds "Förskoleplats". Swedish stop words
("hur", "jag", "för") are left out when other words remain. Other languages match words as
typed. Why: docs/decisions/0012-swedish-search.md.
"""

import re
import unicodedata

from wagtail.search.query import And, Or, PlainText, SearchQuery

from core.stemming import MIN_STEM_LENGTH, SWEDISH_STOP_WORDS, Stem, swedish_stem

# A word as the indexes see it: letters and digits in any script (the FTS5 unicode61 and
# PostgreSQL tokenisers both treat everything else as a separator).
WORD = re.compile(r"[^\W_]+")
MAX_TERMS = 32
MAX_LENGTH = 200


def typed_text(value: str) -> str:
    """The search box's text as shown back and logged: control characters (NUL too, which
    PostgreSQL cannot store) become spaces, runs of space one, at most ``MAX_LENGTH``."""
    visible = "".join(" " if unicodedata.category(c) == "Cc" else c for c in value)
    return " ".join(visible.split())[:MAX_LENGTH]


def terms(text: str) -> list[str]:
    """The terms of ``text`` as the backend gets them: words only, at most ``MAX_TERMS``."""
    # NFC first, so a letter typed as base letter + combining accent stays one word.
    typed = unicodedata.normalize("NFC", text).split()
    found = ("-".join(WORD.findall(term)) for term in typed)
    return [term for term in found if term][:MAX_TERMS]


def citizen_query(text: str, language: str) -> SearchQuery | None:
    """A query matching every term of ``text``; ``None`` when it holds no word at all.

    ``language`` is the code of the language searched ("sv", "en"): Swedish gets stems.
    """
    found = terms(text)
    if not found:
        return None
    if language != "sv":
        return PlainText(" ".join(found), operator="and")
    found = [term for term in found if term.lower() not in SWEDISH_STOP_WORDS] or found
    words = [_swedish_word(term) for term in found]
    return words[0] if len(words) == 1 else And(words)


def _swedish_word(term: str) -> SearchQuery:
    """The term as typed, or any word beginning with its stem. Terms of several words
    ("e-post") and with digits ("070-123") only as typed."""
    typed = PlainText(term)
    if not term.isalpha():
        return typed
    stem = swedish_stem(term)
    return Or([typed, Stem(stem)]) if len(stem) >= MIN_STEM_LENGTH else typed
