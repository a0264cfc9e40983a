"""Where e-identification (BankID, Freja eID) plugs in. It is not built yet.

Today nobody signs in to an e-service: every case is opened "identity not verified"
(``Case.identity_verified`` is False), and the department checks who the citizen is when
it matters. For a preschool place, for example, Utbildningsförvaltningen confirms
guardianship against the population register before it offers a place.

How an e-ID broker plugs in later
---------------------------------
1. Write a class that follows ``IdentityProvider``. The municipality's e-ID broker
   (BankID and Freja eID, usually through OpenID Connect or SAML) runs its own login
   views; after a successful login they store the confirmed identity in the session, and
   ``identify(request)`` returns it as a ``VerifiedIdentity`` (or None).
2. Name the class in the setting ``EID_PROVIDER`` as a dotted path. Without the setting
   ``NotVerified`` is used, which never verifies anyone.
3. Nothing else changes: ``EServiceWizard.done`` already asks ``identity_verified``, with
   the identity number that the e-service's ``describe()`` returns as
   ``"identity_number"`` (the applicant's own, for example guardian 1 of a preschool
   application). The case is marked verified only when the signed-in person's number is
   that number: signing in as one person and applying as another stays unverified.
4. An e-service that must require e-ID (none does yet) would send the citizen to the
   provider's login before its first step, and fill the identity fields from it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from django.conf import settings
from django.utils.module_loading import import_string


@dataclass(frozen=True)
class VerifiedIdentity:
    """Who an e-ID login proved the citizen to be."""

    identity_number: str  # YYYYMMDD-NNNN, as eservices.personnummer formats it
    name: str = ""
    method: str = ""  # for example "bankid" or "freja"


@runtime_checkable
class IdentityProvider(Protocol):
    def identify(self, request) -> VerifiedIdentity | None:
        """The identity confirmed for this browser session, or None if the citizen has not signed in."""


class NotVerified:
    """The default until an e-ID broker exists: nobody is ever verified."""

    def identify(self, request) -> VerifiedIdentity | None:
        return None


def get_provider() -> IdentityProvider:
    path = getattr(settings, "EID_PROVIDER", "")
    return import_string(path)() if path else NotVerified()


def identity_verified(request, identity_number: str) -> bool:
    """True only if the citizen signed in with e-ID as the person whose number the answers give."""
    if not identity_number or request is None:
        return False
    identity = get_provider().identify(request)
    return identity is not None and identity.identity_number == identity_number
