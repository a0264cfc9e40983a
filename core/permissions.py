"""A permission policy with one action, for admin screens that are not a model's add/change/delete,
and the menu item that asks a policy.

The reports (content to review, translations out of sync) each answer one question about the
user; Wagtail's views and menu items ask it through a permission policy.
"""

from wagtail.admin.menu import MenuItem
from wagtail.permission_policies.base import BasePermissionPolicy


class OneActionPolicy(BasePermissionPolicy):
    def __init__(self, model, action: str, allowed):
        super().__init__(model)
        self.action, self.allowed = action, allowed

    def user_has_permission(self, user, action):
        return action == self.action and self.allowed(user)


def policy_menu_item(policy, action: str) -> type[MenuItem]:
    """A viewset's ``menu_item_class``: shown to the users ``policy`` grants ``action``, the same
    question the viewset's views ask."""

    class PolicyMenuItem(MenuItem):
        def is_shown(self, request):
            return policy.user_has_permission(request.user, action)

    return PolicyMenuItem
