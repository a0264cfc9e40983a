"""Who may see and do what with cases. Every view, action, API and export asks here.

- A contact-centre agent (permission ``contactcentre.work_queue``) works every case
  that is not confidential.
- A case officer works the cases of their departments (``DepartmentGroup``),
  confidential ones included.
- A confidential case (Socialtjänst; Äldreomsorg och funktionsnedsättning) goes
  straight to its department; the agent who logged it sees only its reference.
- Superusers see everything, as administrators of the system.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
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


def works_cases(user) -> bool:
    """May ``user`` see any case at all? The queue's menu item and listing ask this."""
    if not (user.is_authenticated and user.is_active):
        return False
    return user.is_superuser or is_agent(user) or bool(department_ids(user))


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
    if user.is_superuser:
        return queryset.none()
    # The rule of visible_cases() negated for confidential cases: not one of my departments.
    # (Excluding the visible cases' ids instead made PostgreSQL re-read ~900 000 ids per row:
    # docs/performance.md.)
    return queryset.filter(opened_by=user, confidential=True).exclude(department_id__in=department_ids(user))


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


def _agents() -> Q:
    """Users holding ``contactcentre.work_queue`` directly or through a group (as ModelBackend reads it)."""
    user_model = get_user_model()
    permission = Permission.objects.filter(content_type__app_label="contactcentre", codename="work_queue")
    return Q(pk__in=user_model.objects.filter(user_permissions__in=permission).values("pk")) | Q(
        pk__in=user_model.objects.filter(groups__permissions__in=permission).values("pk")
    )


def _department_members(department_id) -> Q:
    user_model = get_user_model()
    return Q(
        pk__in=user_model.objects.filter(groups__departmentgroup__department_id=department_id).values("pk")
    )


def staff_who_can_view(case):
    """The active users who may open ``case``: whom it can be assigned to. The rule of ``visible_cases``."""
    rule = Q(is_superuser=True)
    if case.department_id:
        rule |= _department_members(case.department_id)
    if not case.confidential:
        rule |= _agents()
    return get_user_model().objects.filter(is_active=True).filter(rule)


def case_staff():
    """The active users who may see some case: the queue's assignees and its assignee filter."""
    rule = Q(is_superuser=True) | _agents()
    rule |= Q(pk__in=get_user_model().objects.filter(groups__departmentgroup__isnull=False).values("pk"))
    return get_user_model().objects.filter(is_active=True).filter(rule)
