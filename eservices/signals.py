"""Signal handlers of the e-services, connected in ``EservicesConfig.ready``."""

from eservices import versions
from eservices.models import EServicePage


def record_form_version(sender, instance, revision=None, **kwargs):
    """A published e-service page: number its form's shape (``eservices.versions.record``)."""
    if isinstance(instance.specific, EServicePage) and not instance.specific.eservice:
        versions.record(instance.specific, revision.pk if revision else None)
