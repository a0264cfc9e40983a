from contactcentre.models.cases import Case, CaseAttachment, CaseEvent, ReferenceCounter
from contactcentre.models.ratelimit import RateLimitBucket

__all__ = ["Case", "CaseAttachment", "CaseEvent", "RateLimitBucket", "ReferenceCounter"]
