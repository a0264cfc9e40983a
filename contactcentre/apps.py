from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContactcentreConfig(AppConfig):
    name = "contactcentre"
    verbose_name = _("Contact centre")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # The canned replies' admin lives apart from wagtail_hooks.py (the queue's views);
        # register_snippet defers the registration until Wagtail's snippets app is ready.
        from contactcentre import (
            signals,
            wagtail_hooks_canned,  # noqa: F401
            wagtail_hooks_flags,  # noqa: F401
            wagtail_hooks_service_levels,  # noqa: F401
        )

        signals.connect()
