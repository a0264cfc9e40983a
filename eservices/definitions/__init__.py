"""One module per e-service; importing this package registers them all."""

from eservices.definitions import fraga_kontaktcenter  # noqa: F401
