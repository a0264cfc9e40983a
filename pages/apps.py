from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    name = "pages"
    verbose_name = _("Website content")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from wagtail.models import Locale

        from pages import locales

        post_save.connect(locales.clear, sender=Locale, dispatch_uid="pages.locales.clear.save")
        post_delete.connect(locales.clear, sender=Locale, dispatch_uid="pages.locales.clear.delete")
