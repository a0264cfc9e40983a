"""One module per e-service; importing this package registers them all."""

from eservices.definitions import (  # noqa: F401
    allman_handling,
    felanmalan,
    forskoleplats,
    fraga_kontaktcenter,
    ring_upp_mig,
    synpunkter,
)
