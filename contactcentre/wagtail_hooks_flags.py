"""Content flags in the Wagtail admin: "Content to review", its menu item and its dashboard panel.

Imported from ``ContactcentreConfig.ready()``: ``wagtail_hooks.py`` holds the queue's hooks.
"""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from contactcentre import flags


class ContentReviewMenuItem(MenuItem):
    def is_shown(self, request):
        return flags.may_review_content(request.user)


@hooks.register("register_admin_urls")
def register_content_review_urls():
    from contactcentre.admin_views.flags import ContentReviewView, MarkHandledView

    return [
        path("innehall-att-se-over/", ContentReviewView.as_view(), name="contactcentre_content_review"),
        path(
            "innehall-att-se-over/hanterad/",
            MarkHandledView.as_view(),
            name="contactcentre_content_review_handled",
        ),
    ]


@hooks.register("register_admin_menu_item")
def register_content_review_menu_item():
    return ContentReviewMenuItem(
        _("Content to review"),
        reverse("contactcentre_content_review"),
        name="content-review",
        icon_name="clipboard-list",
        order=160,
    )


@hooks.register("construct_homepage_panels")
def add_content_review_panel(request, panels):
    from contactcentre.admin_views.flags import ContentReviewPanel

    if flags.may_review_content(request.user):
        panels.append(ContentReviewPanel(request))
