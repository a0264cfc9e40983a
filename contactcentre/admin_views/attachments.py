"""A case's attachment, streamed from private storage to someone who may see the case."""

from django.http import FileResponse, Http404
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_GET

from contactcentre.admin_views.detail import case_for
from core.uploads import download_name, served_type

# Should a browser ever render the file anyway, it runs nothing and loads nothing, in no origin.
ATTACHMENT_CSP = "default-src 'none'; sandbox"


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
    # The type detected when the file came in (core.uploads), never the citizen's name for it.
    content_type, _extension = served_type(attachment.content_type)
    response = FileResponse(
        handle,
        # Downloaded, never shown inline: a citizen's file does not run in the admin's origin.
        as_attachment=True,
        filename=download_name(attachment.original_name, content_type),
        content_type=content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = ATTACHMENT_CSP
    add_never_cache_headers(response)
    return response
