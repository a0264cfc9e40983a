"""Who may see and do what with cases. Every view, action, API and export asks here.

- A contact-centre agent (permission ``contactcentre.work_queue``) works every case
  that is not confidential.
- A case officer works the cases of their departments (``DepartmentGroup``),
  confidential ones included.
- A confidential case (Socialtjänst; Äldreomsorg och funktionsnedsättning) goes
  straight to its department; the agent who logged it sees only its reference.
- Superusers see everything, as administrators of the system.
"""

from django.db.models import Q

from contactcentre.models import Case, DepartmentGroup

CLAIM = "claim"
ASSIGN = "assign"
NOTE = "note"
REPLY = "reply"
FORWARD = "forward"
RESOLVE = "resolve"
CHANGE_STATUS = "change_status"
REGISTER = "register"
MARK_SECRECY = "mark_secrecy"
ACTIONS = {CLAIM, ASSIGN, NOTE, REPLY, FORWARD, RESOLVE, CHANGE_STATUS, REGISTER, MARK_SECRECY}


def department_ids(user) -> set[int]:
    if not user.is_authenticated:
        return set()
    cache = getattr(user, "_department_ids", None)
    if cache is None:
        cache = set(DepartmentGroup.objects.filter(group__user=user).values_list("department_id", flat=True))
        user._department_ids = cache
    return cache


def is_agent(user) -> bool:
    return user.is_authenticated and user.is_active and user.has_perm("contactcentre.work_queue")


def visible_cases(user, queryset=None):
    """The cases this user may open."""
    queryset = Case.objects.all() if queryset is None else queryset
    if not (user.is_authenticated and user.is_active):
        return queryset.none()
    if user.is_superuser:
        return queryset
    rule = Q(department_id__in=department_ids(user))
    if is_agent(user):
        rule |= Q(confidential=False)
    return queryset.filter(rule)


def reference_only_cases(user, queryset=None):
    """Confidential cases this user logged and handed over: listed by reference, never opened."""
    queryset = Case.objects.all() if queryset is None else queryset
    if not user.is_authenticated:
        return queryset.none()
    return queryset.filter(opened_by=user, confidential=True).exclude(
        pk__in=visible_cases(user, queryset).values("pk")
    )


def can_view(user, case) -> bool:
    return visible_cases(user).filter(pk=case.pk).exists()


def can(user, action, case) -> bool:
    """May ``user`` take ``action`` on ``case``? Seeing a case is the precondition of any action."""
    if action not in ACTIONS:
        raise ValueError(f"Unknown action {action!r}")
    if not can_view(user, case):
        return False
    if action in {REGISTER, MARK_SECRECY}:
        # The registrar's and the department's business, not the contact centre's.
        return user.is_superuser or case.department_id in department_ids(user)
    return True
