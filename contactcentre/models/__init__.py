from contactcentre.models.cases import Case, CaseAttachment, CaseEvent, ReferenceCounter

__all__ = ["Case", "CaseAttachment", "CaseEvent", "ReferenceCounter"]
