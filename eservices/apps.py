from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EservicesConfig(AppConfig):
    name = "eservices"
    verbose_name = _("E-services")
    default_auto_field = "django.db.models.BigAutoField"
