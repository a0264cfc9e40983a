"""Counters for ``core.ratelimit`` when no shared cache (Redis) is configured."""

from django.db import models


class RateLimitBucket(models.Model):
    """How often one key (a scope and a hashed client address) was hit in one fixed window."""

    key = models.CharField(max_length=100)
    window_start = models.DateTimeField()
    expires_at = models.DateTimeField(db_index=True)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["key", "window_start"], name="ratelimit_bucket_unique_window")
        ]

    def __str__(self):
        return f"{self.key} @ {self.window_start:%Y-%m-%d %H:%M:%S}: {self.count}"
