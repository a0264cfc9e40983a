"""The secret in a citizen's status link, derived rather than stored."""

from django.utils.crypto import constant_time_compare, salted_hmac

SALT = "contactcentre.case-status"


def status_token(case) -> str:
    # Derived from a per-case random salt, so receipts and e-mail retries can rebuild the
    # link while the database holds nothing that opens it on its own.
    return salted_hmac(SALT, f"{case.pk}:{case.reference}:{case.token_salt}", algorithm="sha256").hexdigest()[
        :32
    ]


def check_status_token(case, token: str) -> bool:
    return bool(token) and constant_time_compare(status_token(case), token)
