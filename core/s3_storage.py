"""Case attachments on S3-compatible object storage: private objects without a URL.

Only imported when ``S3_PRIVATE_BUCKET`` is set (portal/settings/base.py), so a machine
without boto3 configured never needs it.
"""

from storages.backends.s3 import S3Storage


class PrivateS3Storage(S3Storage):
    """Every object is written with the private ACL and never gets a URL, signed or not.

    Staff read an attachment through the app's view, which checks who asks and streams the
    object (``storage.open``): a URL, even a signed one, could be forwarded or land in a
    proxy's log, and would bypass that check.
    """

    default_acl = "private"
    querystring_auth = True  # no unsigned URL even by mistake (``url`` refuses anyway)

    def get_default_settings(self):
        return {**super().get_default_settings(), "default_acl": "private", "querystring_auth": True}

    def url(self, name, parameters=None, expire=None, http_method=None):
        raise NotImplementedError("Private files have no URL: stream them through a view that checks access.")
