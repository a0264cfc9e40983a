from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EservicesConfig(AppConfig):
    name = "eservices"
    verbose_name = _("E-services")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.signals import page_published

        from eservices.signals import record_form_version

        page_published.connect(record_form_version, dispatch_uid="eservices_record_form_version")
