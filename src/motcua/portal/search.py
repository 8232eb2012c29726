"""Handbook search: every folded word must match; when none does, a typo-tolerant fallback.

The fallback runs in Python over the folded `search_text` of the candidate versions (tens to a
few hundred rows), so SQLite and PostgreSQL give the same answer without pg_trgm. Like the exact
search, it needs every query word: each must be within a few typing errors of a word of the text.
"""

from django.db.models import Case, IntegerField, QuerySet, When

from motcua.catalog.selectors import search
from motcua.core.text import fold

FUZZY_LIMIT = 20
_PUNCTUATION = ",;:!?()[]\"'“”."


def find(versions: QuerySet, query: str) -> tuple[QuerySet, bool]:
    """Versions matching `query` and whether the typo-tolerant fallback found them."""
    exact = search(versions, query)
    if not _words(query) or exact.exists():
        return exact, False
    ranked = similar(versions.values_list("pk", "search_text"), query)
    order = Case(
        *(When(pk=pk, then=rank) for rank, pk in enumerate(ranked)), output_field=IntegerField()
    )
    return versions.filter(pk__in=ranked).order_by(order), True


def similar(rows, query: str) -> list[int]:
    """Ids of `(id, folded text)` rows with a close word for every query word, closest first."""
    words = _words(query)
    texts = [(pk, set(_words(text))) for pk, text in rows]
    vocabulary = set().union(*(text for _, text in texts))
    # Each query word against each distinct word once: a catalogue repeats its words a lot.
    close = {word: _close_words(word, vocabulary) for word in words}
    scored = []
    for pk, text in texts:
        errors = [
            min((close[word][t] for t in text if t in close[word]), default=None) for word in words
        ]
        if None not in errors:
            scored.append((sum(errors), len(text), pk))
    return [pk for *_, pk in sorted(scored)[:FUZZY_LIMIT]]


def _words(text: str) -> list[str]:
    return [word for word in (w.strip(_PUNCTUATION) for w in fold(text).split()) if word]


def _close_words(word: str, vocabulary: set[str]) -> dict[str, int]:
    """Words of `vocabulary` within the typing errors `word` may carry, with their count."""
    allowed = _allowed_errors(word)
    close = {}
    for candidate in vocabulary:
        if abs(len(candidate) - len(word)) <= allowed:
            errors = typing_errors(word, candidate)
            if errors <= allowed:
                close[candidate] = errors
    return close


def _allowed_errors(word: str) -> int:
    # "ki" for "ky" is one error; a single letter must be exact; long words may carry two.
    if len(word) <= 1:
        return 0
    return 1 if len(word) <= 6 else 2


def typing_errors(a: str, b: str) -> int:
    """Letters to insert, delete, replace or swap (adjacent) to turn `a` into `b`."""
    previous2, previous = None, list(range(len(b) + 1))
    for i, letter in enumerate(a, 1):
        current = [i]
        for j, other in enumerate(b, 1):
            cost = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (letter != other))
            if i > 1 and j > 1 and letter == b[j - 2] and a[i - 2] == other:
                cost = min(cost, previous2[j - 2] + 1)
            current.append(cost)
        previous2, previous = previous, current
    return previous[-1]
