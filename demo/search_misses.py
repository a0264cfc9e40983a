"""Demo statistics for the content team: searches that found nothing, and FAQ feedback.

Called by the demo builder once the FAQs exist. Over the past 90 days it adds:

- searches without results: about thirty queries a Swedish municipality's site search
  really gets and cannot answer (services it does not offer, misspellings, words the
  pages do not use), a few hundred rows of daily counts. None of them finds anything in
  the demo site (a test checks), or the statistics would mislead;
- "Did this answer your question?" answers for the demo FAQs: most helpful, and a few
  FAQs clearly not, so the statistics have something to point at.

``FAQFeedback.created_at`` is set when a row is saved, so the answers are backdated
afterwards with a bulk update, which bypasses ``save()`` (as ``demo/cases.py``
does for cases). A fixed random seed makes the data the same on every machine.

Idempotent by a simple rule, for each of the two: rows exist already (an earlier seed,
or real ones), nothing is added.
"""

import datetime as dt
import math
import random

from django.utils import timezone

from demo.content import load
from pages.models import FAQFeedback, SearchMiss
from pages.search_log import normalise

SEED = 2026
DAYS = 90  # today and the 89 days before it

_data = load("search_misses")  # demo/data/search_misses.sv.yaml
# (query as stored, language, how often it is searched: about weight / 15 times a weekday)
QUERIES = [(query["query"], query["language"], query["weight"]) for query in _data["queries"]]

# Most FAQs answer the question; these do not (a share of "yes" answers to aim for).
HELPFUL_SHARE = tuple(_data["helpful_share"])
UNHELPFUL_FAQS = _data["unhelpful_faqs"]
ANSWER_HOURS = range(24)
ANSWER_HOUR_WEIGHTS = [1, 1, 1, 1, 1, 1, 2, 6, 10, 10, 10, 9, 8, 9, 10, 9, 8, 7, 6, 6, 6, 5, 3, 2]


def build_demo_search_statistics(builder):
    """Add the demo's search misses and FAQ feedback, each only if there is none yet."""
    now = timezone.now()
    # Random with a fixed seed: reproducible demo data, not secrets (hence noqa: S311).
    if not SearchMiss.objects.exists():
        rng = random.Random(SEED)  # noqa: S311
        misses = SearchMiss.objects.bulk_create(search_misses(rng, timezone.localdate(now)))
        builder.created[SearchMiss._meta.label] += len(misses)
    if not FAQFeedback.objects.exists() and builder.faqs:
        answers = faq_feedback(random.Random(SEED + 1), builder.faqs, now)  # noqa: S311
        rows = FAQFeedback.objects.bulk_create([feedback for feedback, _when in answers])
        # created_at was set to now on saving; backdate it (see the module's docstring).
        for row, (_feedback, when) in zip(rows, answers, strict=True):
            row.created_at = when
        FAQFeedback.objects.bulk_update(rows, ["created_at"], batch_size=200)
        builder.created[FAQFeedback._meta.label] += len(rows)


def search_misses(rng: random.Random, today: dt.date) -> list[SearchMiss]:
    rows = []
    for offset in range(DAYS):
        day = today - dt.timedelta(days=offset)
        weekend = day.weekday() >= 5
        for query, language, weight in QUERIES:
            hits = _poisson(rng, weight / 15 * (0.4 if weekend else 1))
            if hits:
                rows.append(SearchMiss(day=day, language=language, query=normalise(query), hits=hits))
    return rows


def faq_feedback(rng: random.Random, faqs: dict, now: dt.datetime) -> list[tuple[FAQFeedback, dt.datetime]]:
    """(unsaved answer, when it was given) for every FAQ, in a reproducible order."""
    tz = timezone.get_default_timezone()
    answers = []
    for key, faq in faqs.items():
        if key in UNHELPFUL_FAQS:
            share, count = UNHELPFUL_FAQS[key], rng.randint(16, 26)
        else:
            share, count = rng.uniform(*HELPFUL_SHARE), rng.randint(5, 15)
        helpful = [True] * round(share * count) + [False] * (count - round(share * count))
        rng.shuffle(helpful)
        for answer in helpful:
            day = timezone.localdate(now, tz) - dt.timedelta(days=rng.randint(0, DAYS - 1))
            hour = rng.choices(ANSWER_HOURS, weights=ANSWER_HOUR_WEIGHTS)[0]
            when = dt.datetime.combine(day, dt.time(hour, rng.randint(0, 59)), tzinfo=tz)
            if when > now:
                when -= dt.timedelta(days=1)
            answers.append((FAQFeedback(faq=faq, helpful=answer, language="sv"), when))
    return answers


def _poisson(rng: random.Random, mean: float) -> int:
    """How many searches in a day, for a mean below a few (Knuth's method)."""
    limit, count, product = math.exp(-mean), 0, rng.random()
    while product > limit:
        count += 1
        product *= rng.random()
    return count
