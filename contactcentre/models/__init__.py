from contactcentre.models.cases import Case, CaseAttachment, CaseEvent, ReferenceCounter, SecrecyMarking
from contactcentre.models.departments import DepartmentGroup
from contactcentre.models.ratelimit import RateLimitBucket

__all__ = [
    "DepartmentGroup",
    "SecrecyMarking",
    "Case",
    "CaseAttachment",
    "CaseEvent",
    "RateLimitBucket",
    "ReferenceCounter",
]
