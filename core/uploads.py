"""Uploaded photos are checked by their content, never by their name."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from PIL import Image, UnidentifiedImageError

MAX_BYTES = 8 * 1024 * 1024
MAX_PIXELS = 50_000_000
FORMATS = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp", "HEIF": "image/heic"}


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
    return CheckedImage(FORMATS[image_format], image_format.lower().replace("jpeg", "jpg"))
