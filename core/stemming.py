"""Swedish word stems for the site search, from the Snowball project's maintained stemmer.

A citizen types "bygglovet", "bygglovets" or "förskoleplatsen"; the page says "Bygglov" and
"Förskoleplats". The search asks for the word as typed or any word that begins with its stem
(``Stem``): "bygglov" finds "bygglov", "bygglovet" and "bygglovsansökan". Why a stem of the
stem, the "-an" rule and the stop words: docs/decisions/0012-swedish-search.md.
"""

from functools import lru_cache

from wagtail.search.query import PlainText

import snowballstemmer

# Shorter stems would begin too many words ("el" begins "elev" and "eller"): such words only
# match as typed.
MIN_STEM_LENGTH = 3

# Snowball's Swedish stop-word list, the one PostgreSQL's "swedish" configuration drops too
# (tsearch_data/swedish.stop): left out of a query that has other words, so "hur söker jag
# bygglov" asks for "söker" and "bygglov" only.
SWEDISH_STOP_WORDS = frozenset(
    """
    och det att i en jag hon som han på den med var sig för så till är men ett om hade de av
    icke mig du henne då sin nu har inte hans honom skulle hennes där min man ej vid kunde något
    från ut när efter upp vi dem vara vad över än dig kan sina här ha mot alla under någon eller
    allt mycket sedan ju denna själv detta åt utan varit hur ingen mitt ni bli blev oss din dessa
    några deras blir mina samma vilken er sådan vår blivit dess inom mellan sådant varför varje
    vilka ditt vem vilket sitta sådana vart dina vars vårt våra ert era vilkas
    """.split()
)


class Stem(PlainText):
    """A query for every word that begins with ``stem`` (SQLite and PostgreSQL, through
    core.search_backend); a backend that does not know it reads it as the word ``stem``."""

    def __init__(self, stem: str):
        super().__init__(stem)


@lru_cache(maxsize=4096)
def swedish_stem(word: str) -> str:
    """The shortest Swedish stem of ``word`` (lower case), a beginning of the word itself.

    Snowball stems once; stemming again catches forms it leaves one suffix short of the base
    word ("bygglovena" → "byggloven" → "bygglov"). "-an" after five letters is also tried
    without its "n" ("förskolan" → "förskola" → "förskol"): Snowball keeps "-an" for "man"
    and "plan", but it ends the definite form of most nouns in "-a".
    """
    # A new stemmer per word: a stemmer object keeps the word it is working on, so one shared
    # between request threads could mix two words up.
    stemmer = snowballstemmer.stemmer("swedish")
    word = word.lower()
    candidates = [word, stemmer.stemWord(word)]
    candidates.append(stemmer.stemWord(candidates[-1]))
    if len(word) > 5 and word.endswith("an"):
        candidates.append(stemmer.stemWord(word[:-1]))
    # Snowball's Swedish stemmer only removes endings, so each candidate begins the word and
    # the shortest begins all the others; the check keeps that true whatever a new version does.
    return min((c for c in candidates if word.startswith(c)), key=len)
