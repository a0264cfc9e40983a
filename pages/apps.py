from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    name = "pages"
    verbose_name = _("Website content")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Inside ready(): models (Wagtail's Locale, and pages.locales that reads it) cannot be
        # imported while Django is still loading the app configs that import this module.
        from wagtail.models import Locale

        from pages import locales

        post_save.connect(locales.clear, sender=Locale, dispatch_uid="pages.locales.clear.save")
        post_delete.connect(locales.clear, sender=Locale, dispatch_uid="pages.locales.clear.delete")
