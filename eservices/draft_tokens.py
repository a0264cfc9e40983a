"""The secret in a draft's resume link, derived rather than stored (like a case's status link).

Apart from ``drafts``, so the e-mail task that sends the link and ``drafts`` that enqueues it
do not import each other.
"""

from django.utils.crypto import salted_hmac

SALT = "eservices.draft-resume"


def resume_token(draft) -> str:
    return salted_hmac(SALT, f"{draft.pk}:{draft.secret}", algorithm="sha256").hexdigest()[:32]
