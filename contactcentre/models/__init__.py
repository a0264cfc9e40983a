from contactcentre.models.canned import CannedReply
from contactcentre.models.cases import Case, CaseAttachment, CaseEvent, ReferenceCounter, SecrecyMarking
from contactcentre.models.departments import DepartmentGroup
from contactcentre.models.ratelimit import RateLimitBucket

__all__ = [
    "CannedReply",
    "DepartmentGroup",
    "SecrecyMarking",
    "Case",
    "CaseAttachment",
    "CaseEvent",
    "RateLimitBucket",
    "ReferenceCounter",
]
