"""Background e-mail for e-services: the resume link of a saved draft."""

import logging

from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation

from django_tasks import task

from core.retries import retry_later
from eservices.draft_tokens import resume_token
from eservices.models import Draft
from pages.base_url import absolute_url

logger = logging.getLogger(__name__)


def resume_url(draft) -> str:
    page = draft.page.specific
    path = page.url + page.reverse_subpage("resume", args=(draft.pk, resume_token(draft)))
    return absolute_url(path)


@task()
def send_resume_link(draft_id: int, attempt: int = 1) -> str:
    draft = Draft.objects.filter(pk=draft_id).select_related("page").first()
    if draft is None:
        return "draft gone"
    with translation.override(draft.language):
        context = {"draft": draft, "url": resume_url(draft), "title": draft.page.title}
        subject = render_to_string("eservices/email/resume_subject.txt", context).strip()
        body = render_to_string("eservices/email/resume.txt", context)
    try:
        EmailMessage(subject, body, to=[draft.email]).send()
    except Exception as error:
        logger.warning("Resume link for draft %s failed (attempt %s): %s", draft.pk, attempt, error)
        if retry_later(send_resume_link, draft.pk, attempt):
            return "retry"
        return "gave up"
    return "sent"
