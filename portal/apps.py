from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = "Kommunportal"

    def ready(self):
        # Imported here, not at the top: models are not loaded when the app config is.
        from portal.staff_accounts import login, two_factor  # noqa: F401  (signal receivers)
