"""The contact centre's rules (``contactcentre.access``) as a Wagtail permission policy.

Wagtail's generic views, menu items and viewsets ask a policy ("may this user *view* cases?",
"which cases may they see?"); this one answers from ``access`` so the rules stay in one place.
Actions without an instance:

- ``view``: the queue, a case, the next case (agents, case officers, superusers);
- ``add``: log a phone or walk-in contact; ``export``: the queue as a spreadsheet;
- ``count``: the tally of contacts answered at once (agents);
- ``view_statistics``: the statistics page and panel (managers with ``contactcentre.view_statistics``).

On an instance, ``view`` is "may see this case" and every action in ``access.ACTIONS`` is
``access.can``.
"""

from wagtail.permission_policies.base import BasePermissionPolicy

from contactcentre import access
from contactcentre.models import Case

VIEW, ADD, EXPORT, COUNT, VIEW_STATISTICS = "view", "add", "export", "count", "view_statistics"


def can_see_statistics(user) -> bool:
    return user.is_active and (user.is_superuser or user.has_perm("contactcentre.view_statistics"))


class CasePermissionPolicy(BasePermissionPolicy):
    def user_has_permission(self, user, action):
        if action in (VIEW, ADD, EXPORT):
            return access.works_cases(user)
        if action == COUNT:
            return access.is_agent(user)
        if action == VIEW_STATISTICS:
            return can_see_statistics(user)
        return False

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        if action == VIEW:
            return access.can_view(user, instance)
        return action in access.ACTIONS and access.can(user, action, instance)

    def instances_user_has_permission_for(self, user, action):
        if action != VIEW or not access.works_cases(user):
            return Case.objects.none()
        return access.visible_cases(user, Case.objects.all())


case_permission_policy = CasePermissionPolicy(Case)
