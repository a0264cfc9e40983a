from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo municipality; only the dev and test settings install it."""

    name = "demo"
    verbose_name = "Exempelkommun (demo)"
