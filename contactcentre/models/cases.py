"""A case: anything a citizen asked of the municipality, from any channel."""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from contactcentre.tokens import status_token
from core.storage import private_storage
from core.uploads import stored_name


def new_token_salt() -> str:
    return secrets.token_hex(16)  # 32 characters


class Channel(models.TextChoices):
    WEB = "web", _("Web")
    PHONE = "phone", _("Phone")
    EMAIL = "email", _("E-mail")
    VISIT = "visit", pgettext_lazy("channel", "Visit")
    LETTER = "letter", _("Letter")
    CHAT = "chat", _("Chat")
    SMS = "sms", _("SMS")
    API = "api", _("API")


class Status(models.TextChoices):
    NEW = "new", _("New")
    IN_PROGRESS = "in_progress", _("In progress")
    WAITING = "waiting", _("Waiting for citizen")
    FORWARDED = "forwarded", _("Forwarded")
    RESOLVED = "resolved", _("Resolved")
    CLOSED = "closed", pgettext_lazy("case status", "Closed")


class Priority(models.IntegerChoices):
    LOW = 1, _("Low")
    NORMAL = 2, _("Normal")
    HIGH = 3, _("High")


class ReferenceCounter(models.Model):
    """The last case number of a year; locked while a reference is taken."""

    year = models.PositiveSmallIntegerField(primary_key=True)
    last_number = models.PositiveIntegerField(default=0)

    def __str__(self):
        return f"{self.year}: {self.last_number}"


class Case(models.Model):
    # Cases hold personal data: keep them out of Wagtail's reference index and its reports.
    wagtail_reference_index_ignore = True

    reference = models.CharField(_("reference"), max_length=20, unique=True, editable=False)
    run_id = models.UUIDField(
        _("form run"),
        unique=True,
        null=True,
        blank=True,
        editable=False,
        help_text=_("The e-service run that created the case; a second finish finds this case."),
    )
    token_salt = models.CharField(max_length=32, default=new_token_salt, editable=False)
    # When the case arrived: set once on the server, never changed (förvaltningslagen).
    received_at = models.DateTimeField(_("received"), editable=False, db_index=True)

    eservice = models.CharField(_("e-service"), max_length=80, blank=True, db_index=True)
    # What the case layer needs from its e-service, copied when the case opens, so contactcentre
    # never asks eservices (docs/decisions/0005-layers.md).
    first_contact_possible = models.BooleanField(
        _("can be resolved at first contact"),
        default=True,
        help_text=_("False for a kind of case that needs a second contact, such as a call-back."),
    )
    statistics_category = models.CharField(
        _("statistics category"),
        max_length=40,
        blank=True,
        db_index=True,
        help_text=_("The answer the statistics count this case by, for example a complaint."),
    )
    title = models.CharField(_("title"), max_length=200)
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices, default=Channel.WEB)
    language = models.CharField(_("language"), max_length=10, default="sv")
    service_area = models.ForeignKey(
        "pages.ServiceArea",
        verbose_name=_("service area"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    department = models.ForeignKey(
        "pages.Department",
        verbose_name=_("department"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    confidential = models.BooleanField(_("confidential"), default=False)
    committee = models.ForeignKey(
        "pages.Committee",
        verbose_name=_("responsible committee"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The authority (nämnd) the case belongs to."),
    )
    registry_number = models.CharField(
        _("registry number"),
        max_length=40,
        blank=True,
        db_index=True,
        help_text=_("The diarienummer, for example KS/2026/0123, kept apart from the reference."),
    )
    protected_identity = models.BooleanField(
        _("protected identity"),
        default=False,
        help_text=_("Hides the address and stops e-mail and SMS to this person."),
    )
    resolved_faq = models.ForeignKey(
        "pages.FAQ",
        verbose_name=_("FAQ that answered it"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    first_response_at = models.DateTimeField(_("first response"), null=True, blank=True)
    resolved_at = models.DateTimeField(_("resolved"), null=True, blank=True)
    # Due dates from the area's service level in working time (contactcentre.service_levels),
    # stored so the queue filters on them in the database.
    first_response_due = models.DateTimeField(_("first response due"), null=True, blank=True, db_index=True)
    resolution_due = models.DateTimeField(_("resolution due"), null=True, blank=True, db_index=True)
    # The ends of the first and second working days after arrival (contactcentre.working_hours),
    # so "answered within one or two working days" is a comparison the database makes.
    working_day_1_ends = models.DateTimeField(_("end of the first working day"), null=True, blank=True)
    working_day_2_ends = models.DateTimeField(_("end of the second working day"), null=True, blank=True)
    # Working time taken, counted when the first response is given and when the case is resolved,
    # so the statistics average them in the database.
    first_response_working_seconds = models.PositiveIntegerField(
        _("working time to first response (seconds)"), null=True, blank=True
    )
    resolution_working_seconds = models.PositiveIntegerField(
        _("working time to resolution (seconds)"), null=True, blank=True
    )
    # Whose contact this is: the contact centre's (a kommunvägledare logged it, or it was routed to
    # the contact centre's department), or a department's straight from an e-service. Set when the
    # case is opened and when it is forwarded to the contact centre.
    handled_by_contact_centre = models.BooleanField(_("handled by the contact centre"), default=False)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.NEW)
    priority = models.PositiveSmallIntegerField(
        _("priority"), choices=Priority.choices, default=Priority.NORMAL
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assignee"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_cases",
    )

    answers = models.JSONField(_("answers"), default=dict, blank=True)
    form_snapshot = models.JSONField(
        _("form snapshot"),
        default=dict,
        blank=True,
        help_text=_("The form's labels and schema version when the case was sent."),
    )

    contact_name = models.CharField(_("name"), max_length=200, blank=True)
    contact_email = models.EmailField(_("e-mail"), blank=True)
    contact_phone = models.CharField(_("phone"), max_length=40, blank=True)
    identity_verified = models.BooleanField(_("identity verified"), default=False)

    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("opened by staff member"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    visitor_consent = models.BooleanField(_("visitor agreed to assisted filling-in"), default=False)
    resolved_at_first_contact = models.BooleanField(_("resolved at first contact"), null=True, blank=True)
    needs_attention = models.BooleanField(_("needs attention"), default=False, db_index=True)
    attention_reason = models.CharField(_("why it needs attention"), max_length=200, blank=True)
    retain_until = models.DateField(
        _("keep until"),
        null=True,
        blank=True,
        help_text=_("Empty: kept, as official records are unless a retention decision says otherwise."),
    )

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-received_at"]
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        permissions = [
            ("work_queue", _("Work the contact centre's queue")),
            ("view_statistics", _("See contact-centre statistics")),
            ("export_registerutdrag", _("Export everything held about one person (registerutdrag)")),
        ]
        indexes = [
            models.Index(fields=["status", "received_at"]),
            models.Index(fields=["department", "status"]),
            # The queue's filters: "mine" / an assignee with a status, and a channel newest first.
            models.Index(fields=["assignee", "status"]),
            models.Index(fields=["channel", "received_at"]),
            # The statistics: the contact centre's own contacts over a period.
            models.Index(fields=["handled_by_contact_centre", "received_at"]),
            # Open cases (under 1 % of them all): the open and overdue filters and the backlog.
            models.Index(
                fields=["received_at"],
                condition=~models.Q(status__in=["resolved", "closed"]),
                name="case_open_received",
            ),
        ]

    def __str__(self):
        # Only the reference: Wagtail's reports show __str__ to anyone with admin access.
        return self.reference

    def save(self, *args, **kwargs):
        loaded = getattr(self, "_loaded_received_at", None)
        if loaded is not None and self.received_at != loaded:
            raise ValidationError("A case's arrival time never changes.")
        super().save(*args, **kwargs)

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._loaded_received_at = instance.__dict__.get("received_at")
        return instance

    def status_token(self):
        return status_token(self)


class CaseEvent(models.Model):
    """One entry in a case's append-only timeline."""

    CREATED = "created"
    EMAIL_SENT = "email_sent"
    EMAIL_FAILED = "email_failed"
    NOTE = "note"
    REPLY = "reply"
    STATUS_CHANGED = "status_changed"
    ASSIGNED = "assigned"
    FORWARDED = "forwarded"
    VIEWED = "viewed"
    CITIZEN_MESSAGE = "citizen_message"
    REGISTRY_UPDATED = "registry_updated"
    SECRECY_MARKED = "secrecy_marked"
    ATTENTION_CLEARED = "attention_cleared"
    IDENTITY_SHOWN = "identity_shown"
    REGISTERUTDRAG = "registerutdrag"
    KINDS = [
        (CREATED, _("Case received")),
        (EMAIL_SENT, _("E-mail sent")),
        (EMAIL_FAILED, _("E-mail failed")),
        (NOTE, _("Internal note")),
        (REPLY, _("Reply to citizen")),
        (STATUS_CHANGED, _("Status changed")),
        (ASSIGNED, _("Assigned")),
        (FORWARDED, _("Forwarded")),
        (VIEWED, _("Viewed")),
        (CITIZEN_MESSAGE, _("Message from citizen")),
        (REGISTRY_UPDATED, _("Registry details changed")),
        (SECRECY_MARKED, _("Secrecy marked")),
        (ATTENTION_CLEARED, _("Attention flag cleared")),
        (IDENTITY_SHOWN, _("Personal identity number shown")),
        (REGISTERUTDRAG, _("Included in a registerutdrag")),
    ]

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("kind"), max_length=20, choices=KINDS)
    created_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    INCOMING = "incoming"
    DRAWN_UP = "drawn_up"
    OUTGOING = "outgoing"
    WORKING = "working"
    DIRECTIONS = [
        (INCOMING, _("Incoming")),
        (DRAWN_UP, _("Drawn up")),
        (OUTGOING, _("Outgoing")),
        (WORKING, _("Working material")),
    ]

    text = models.TextField(_("text"), blank=True)
    public = models.BooleanField(_("shown to the citizen"), default=False)
    direction = models.CharField(_("direction"), max_length=10, choices=DIRECTIONS, default=WORKING)
    description = models.CharField(
        _("description"),
        max_length=200,
        blank=True,
        help_text=_("A short description fit for publication in the registry, without personal data."),
    )
    data = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("case event")
        verbose_name_plural = _("case events")
        indexes = [
            # The queue's "citizen has written since our last reply" and the throttled "viewed" entry.
            models.Index(fields=["case", "kind", "created_at"]),
        ]

    def __str__(self):
        return f"{self.case_id}: {self.kind}"


def attachment_path(instance, filename):
    # A random name with the detected type's extension: the citizen's name is display text only.
    return f"cases/{instance.case.received_at:%Y/%m}/{stored_name(instance.content_type)}"


class CaseAttachment(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to=attachment_path, storage=private_storage, max_length=200)
    original_name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(_("type"), max_length=100)
    size = models.PositiveIntegerField(_("size"))
    field = models.CharField(_("form field"), max_length=80, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self):
        return self.original_name


class CaseIdentityNumber(models.Model):
    """A keyed hash of a personnummer a case's answers hold: finds one person's cases, names nobody.

    Written when the case opens (contactcentre.identity_numbers); gone with the case.
    """

    wagtail_reference_index_ignore = True

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="identity_numbers")
    digest = models.CharField(max_length=64, db_index=True)

    class Meta:
        verbose_name = _("indexed personal identity number")
        verbose_name_plural = _("indexed personal identity numbers")
        constraints = [models.UniqueConstraint(fields=["case", "digest"], name="one_index_row_per_number")]

    def __str__(self):
        return f"{self.case_id}: {self.digest[:8]}"


class SecrecyMarking(models.Model):
    """Sekretess on a whole case, one answer or one attachment: what, why, who and when."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="secrecy_markings")
    # "case", "answer:<step>.<field>" or "attachment:<id>"
    target = models.CharField(_("marked part"), max_length=120, default="case")
    legal_basis = models.CharField(
        _("legal basis"), max_length=200, default="Sekretess enligt OSL 26 kap. 1 §"
    )
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("marked by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    marked_at = models.DateTimeField(_("marked"), auto_now_add=True)

    class Meta:
        verbose_name = _("secrecy marking")
        verbose_name_plural = _("secrecy markings")
        constraints = [models.UniqueConstraint(fields=["case", "target"], name="one_marking_per_part")]

    def __str__(self):
        return f"{self.case_id}: {self.target}"
