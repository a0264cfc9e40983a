"""The queue's pager counts the cases up to a cap.

An exact ``COUNT(*)`` of every case an agent may see grows with the whole table: at 1 000 000
cases it was more than half of the queue page's time (docs/performance.md). Nobody pages to
case 10 001 of a queue; they filter or search. So the pager counts at most ``QUEUE_COUNT_CAP``
rows (``SELECT COUNT(*) FROM (… LIMIT cap + 1)``) and says "more than 10 000 cases" beyond it.
"""

from django.conf import settings
from django.utils.formats import number_format
from django.utils.functional import cached_property
from django.utils.translation import gettext as _

from wagtail.admin.paginator import WagtailPaginator


class CappedCountPaginator(WagtailPaginator):
    @cached_property
    def cap(self) -> int:
        return settings.QUEUE_COUNT_CAP

    @cached_property
    def counted(self) -> int:
        """Rows up to one past the cap: one more than the cap means "more than the cap"."""
        return self.object_list[: self.cap + 1].count()

    @cached_property
    def capped(self) -> bool:
        return self.counted > self.cap

    @cached_property
    def count(self) -> int:
        return min(self.counted, self.cap)

    @cached_property
    def items_count_label(self):
        if self.capped:
            return _("more than %(count)s %(items)s") % {
                "count": number_format(self.cap, force_grouping=True),
                "items": self.verbose_name_plural,
            }
        return super().items_count_label
