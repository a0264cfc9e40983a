from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """What every app may use and that is about none of them (docs/decisions/0005-layers.md)."""

    name = "core"
    verbose_name = _("Core")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from core import reference_index  # imports Wagtail's models: not before the apps are ready

        reference_index.connect()

        from core import middleware

        middleware.log_wagtail_permission_denied()

        from core import page_cache

        page_cache.connect()
