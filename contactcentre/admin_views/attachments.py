"""A case's attachment, streamed from private storage to someone who may see the case."""

from django.http import FileResponse, Http404
from django.views.decorators.http import require_GET

from contactcentre.admin_views.detail import case_for


@require_GET
def download(request, pk, attachment_pk):
    case = case_for(request.user, pk)
    attachment = case.attachments.filter(pk=attachment_pk).first()
    if attachment is None:
        raise Http404
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError as missing:
        raise Http404 from missing
    response = FileResponse(
        handle,
        # Downloaded, never shown inline: a citizen's file does not run in the admin's origin.
        as_attachment=True,
        filename=attachment.original_name,
        content_type=attachment.content_type or "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
