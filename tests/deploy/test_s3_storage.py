"""Case attachments on S3-compatible object storage (S3_PRIVATE_BUCKET), against moto's server.

Several app servers share no disk: an attachment stored by one is read by another. Objects
are private (an anonymous GET is refused), have no URL, and staff still download them
through the permission-checked view, which streams them from the bucket.
"""

import socket
import urllib.error
import urllib.request

from django.core.files.base import ContentFile
from django.core.management import call_command
from django.urls import reverse

import pytest

from contactcentre.models import CaseAttachment
from contactcentre.services import Attachment, NewCase, open_case
from core.s3_storage import PrivateS3Storage
from core.storage import private_storage
from eservices.wizard import EServiceWizard, wizard_file_storage
from tests.contactcentre.conftest import area

BUCKET = "kommunportal-private"
PHOTO = b"\x89PNG fake photo of a broken sign"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def s3_server():
    """moto's S3-compatible server on a free loopback port, for this module."""
    try:
        from moto.server import ThreadedMotoServer
    except ImportError as error:  # moto[server] is a dev dependency
        pytest.skip(f"moto's server mode cannot be imported ({error}): pip install 'moto[server]'")
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    try:
        server.start()
    except Exception as error:
        pytest.skip(f"moto's S3 server did not start on 127.0.0.1:{port}: {error}")
    yield f"http://127.0.0.1:{port}"
    server.stop()


@pytest.fixture
def private_bucket(s3_server, settings, monkeypatch):
    """STORAGES["private"] as S3_PRIVATE_BUCKET and S3_ENDPOINT_URL set it up, on an empty bucket."""
    import boto3

    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    client = boto3.client("s3", endpoint_url=s3_server, region_name="us-east-1")
    client.create_bucket(Bucket=BUCKET)
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "core.s3_storage.PrivateS3Storage",
            "OPTIONS": {"bucket_name": BUCKET, "endpoint_url": s3_server, "file_overwrite": False},
        },
    }
    # The field's storage is built once at import, as in production at start-up: build it again.
    monkeypatch.setattr(CaseAttachment._meta.get_field("file"), "storage", private_storage())
    monkeypatch.setattr(EServiceWizard, "file_storage", wizard_file_storage())
    yield client
    for entry in client.list_objects_v2(Bucket=BUCKET).get("Contents", []):
        client.delete_object(Bucket=BUCKET, Key=entry["Key"])
    client.delete_bucket(Bucket=BUCKET)


@pytest.fixture
def photo_case(private_bucket):
    case, _ = open_case(
        NewCase(
            title="Trasig skylt",
            service_area=area(4),
            attachments=[Attachment("skylt.png", "image/png", PHOTO, field="bilder")],
        )
    )
    return case


@pytest.mark.django_db
def test_an_attachment_is_a_private_object_in_the_bucket(photo_case, private_bucket, s3_server):
    attachment = photo_case.attachments.get()
    assert isinstance(attachment.file.storage, PrivateS3Storage)
    keys = [entry["Key"] for entry in private_bucket.list_objects_v2(Bucket=BUCKET)["Contents"]]
    assert keys == [attachment.file.name]
    assert keys[0].startswith("cases/") and "skylt" not in keys[0]  # a random name, as on disk
    assert private_bucket.get_object(Bucket=BUCKET, Key=keys[0])["Body"].read() == PHOTO

    grants = private_bucket.get_object_acl(Bucket=BUCKET, Key=keys[0])["Grants"]
    assert [grant["Permission"] for grant in grants] == ["FULL_CONTROL"]
    assert all(grant["Grantee"]["Type"] == "CanonicalUser" for grant in grants)  # no AllUsers
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(f"{s3_server}/{BUCKET}/{keys[0]}", timeout=10)  # noqa: S310 (loopback)
    assert refused.value.code == 403
    with pytest.raises(NotImplementedError):
        attachment.file.url  # noqa: B018 (no URL, signed or not)


@pytest.mark.django_db
def test_staff_download_the_attachment_through_the_checked_view(photo_case, signed_in):
    attachment = photo_case.attachments.get()
    url = reverse("contactcentre_admin:attachment", args=[photo_case.pk, attachment.pk])
    response = signed_in("agent").get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PHOTO
    assert 'filename="skylt.png"' in response["Content-Disposition"]
    assert signed_in("social").get(url).status_code == 404  # the view still checks who asks


@pytest.mark.django_db
def test_e_service_uploads_in_progress_share_the_bucket_and_are_swept(private_bucket):
    storage = EServiceWizard.file_storage
    name = storage.save("foto.jpg", ContentFile(b"half-finished run"))
    key = f"wizard-uploads/{name}"
    assert private_bucket.get_object(Bucket=BUCKET, Key=key)["Body"].read() == b"half-finished run"
    assert private_bucket.get_object_acl(Bucket=BUCKET, Key=key)["Grants"][0]["Permission"] == "FULL_CONTROL"

    call_command("delete_abandoned_uploads", hours=0, verbosity=0)
    assert "Contents" not in private_bucket.list_objects_v2(Bucket=BUCKET, Prefix="wizard-uploads/")
