"""Which staff group works for which department: the basis of who sees which cases."""

from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _


class DepartmentGroup(models.Model):
    """Members of ``group`` are case officers of ``department``."""

    group = models.OneToOneField(Group, verbose_name=_("staff group"), on_delete=models.CASCADE)
    department = models.ForeignKey(
        "pages.Department", verbose_name=_("department"), on_delete=models.CASCADE, related_name="+"
    )

    class Meta:
        verbose_name = _("department staff group")
        verbose_name_plural = _("department staff groups")

    def __str__(self):
        return f"{self.group} → {self.department}"
