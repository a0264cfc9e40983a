"""Uploaded photos are checked by their content, never by their name.

The citizen's file name is text to show, nothing more: a stored file is named at random with
the extension of its detected type (``stored_name``), and the name staff see and download is
the citizen's, sanitised, with its extension replaced by the detected type's (``download_name``).
A JPEG with HTML appended and called ``poly.html`` is kept and served as ``….jpg``, ``image/jpeg``.
"""

import unicodedata
import uuid
from dataclasses import dataclass
from pathlib import PurePosixPath

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from PIL import Image, UnidentifiedImageError

MAX_BYTES = 8 * 1024 * 1024
MAX_PIXELS = 50_000_000
FORMATS = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp", "HEIF": "image/heic"}
# The detected type's extension: the only one a stored or downloaded file ever gets.
EXTENSIONS = {"image/jpeg": "jpg", "image/png": "png", "image/webp": "webp", "image/heic": "heic"}
# Extensions a citizen's camera or phone may give each type: any other is a name that lies.
USUAL_EXTENSIONS = {
    "image/jpeg": {"jpg", "jpeg", "jpe", "jfif"},
    "image/png": {"png"},
    "image/webp": {"webp"},
    "image/heic": {"heic", "heif"},
}
# A type we did not detect (an older row, a hand-edited one) is served as bytes, never rendered.
UNKNOWN_TYPE = "application/octet-stream"
UNKNOWN_EXTENSION = "bin"
DISPLAY_NAME_MAX = 200


@dataclass(frozen=True)
class CheckedImage:
    content_type: str
    extension: str


def check_image(uploaded) -> CheckedImage:
    if uploaded.size > MAX_BYTES:
        raise ValidationError(
            _("The file is too large: %(size)s. A photo can be at most %(max)s.")
            % {"size": filesizeformat(uploaded.size), "max": filesizeformat(MAX_BYTES)},
            code="too_large",
        )
    uploaded.seek(0)
    try:
        with Image.open(uploaded) as image:
            image_format = image.format
            if image.width * image.height > MAX_PIXELS:
                raise ValidationError(_("The picture is too large in pixels."), code="too_many_pixels")
            image.verify()
    except ValidationError:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise ValidationError(
            _("The file is not a photo we can read. Choose a JPEG, PNG or WebP picture."), code="not_image"
        ) from None
    finally:
        uploaded.seek(0)
    if image_format not in FORMATS:
        raise ValidationError(
            _("The file is not a photo we can read. Choose a JPEG, PNG or WebP picture."), code="not_image"
        )
    content_type = FORMATS[image_format]
    return CheckedImage(content_type, EXTENSIONS[content_type])


def served_type(content_type: str) -> tuple[str, str]:
    """(Content-Type, extension) to serve a stored file with: a detected image type, or bytes."""
    if content_type in EXTENSIONS:
        return content_type, EXTENSIONS[content_type]
    return UNKNOWN_TYPE, UNKNOWN_EXTENSION


def name_disagrees(name: str, content_type: str) -> str | None:
    """The citizen's extension when it is not one the detected type goes by (``poly.html``), else None."""
    suffix = PurePosixPath(display_name(name)).suffix.lower().lstrip(".")
    if suffix in USUAL_EXTENSIONS.get(content_type, set()):
        return None
    return suffix or "(none)"


def stored_name(content_type: str) -> str:
    """A random file name with the extension of the detected type, never the citizen's."""
    return f"{uuid.uuid4().hex}.{served_type(content_type)[1]}"


def display_name(name: str) -> str:
    """The citizen's file name as safe text: no folders, control or direction-changing characters.

    Format characters (Cf) go too: U+202E would show ``gpj.html`` as ``lmth.jpg``.
    """
    name = PurePosixPath(str(name).replace("\\", "/")).name
    name = "".join(char for char in name if unicodedata.category(char) not in {"Cc", "Cf", "Cs", "Co", "Cn"})
    name = " ".join(name.split()).strip(". ")
    return name[:DISPLAY_NAME_MAX]


def download_name(name: str, content_type: str, fallback: str = "bilaga") -> str:
    """The name a download is saved under: the citizen's stem and the detected type's extension."""
    stem = display_name(name).rsplit(".", 1)[0].strip(". ")
    return f"{stem or fallback}.{served_type(content_type)[1]}"
