from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContactcentreConfig(AppConfig):
    name = "contactcentre"
    verbose_name = _("Contact centre")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Inside ready(): signals imports the models, which are not loaded when this module is.
        from contactcentre import signals

        signals.connect()
