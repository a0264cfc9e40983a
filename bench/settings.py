"""The production settings, as ``bench/run`` serves them: one limit raised, nothing else.

The benchmark is one client address sending a few thousand API submissions in ten seconds;
the per-client limit (30 an hour) would answer all but the first 30 with 429 and measure the
refusal. Only this module raises it: ``portal.settings.production`` keeps its limits.
"""

from portal.settings.production import *  # noqa: F403
from portal.settings.production import RATE_LIMITS

RATE_LIMITS = {**RATE_LIMITS, "submission": (10**9, RATE_LIMITS["submission"][1])}
