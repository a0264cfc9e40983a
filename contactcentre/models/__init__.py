from contactcentre.models.canned import CannedReply
from contactcentre.models.cases import (
    Case,
    CaseAttachment,
    CaseEvent,
    CaseIdentityNumber,
    ReferenceCounter,
    SecrecyMarking,
)
from contactcentre.models.departments import DepartmentGroup
from contactcentre.models.dropoff import StepCount
from contactcentre.models.service_levels import ServiceLevel
from contactcentre.models.settings import ContactCentreSettings
from contactcentre.models.tallies import Tally

__all__ = [
    "CannedReply",
    "ContactCentreSettings",
    "DepartmentGroup",
    "SecrecyMarking",
    "Case",
    "CaseAttachment",
    "CaseEvent",
    "CaseIdentityNumber",
    "ReferenceCounter",
    "ServiceLevel",
    "StepCount",
    "Tally",
]
