"""Service notices still in force: the banners of the home page and of office pages."""

from django.utils import timezone

from .models import SERVICE_NOTICE, AnnouncementPage, RelatedOffice


def current_service_notices(locale, office=None, today=None):
    """Live service notices of ``locale`` whose last day is ``today`` or later, ending soonest first.

    With ``office``, only those related to it (or to its translations). Nothing
    needs to change when a notice ends: the date comparison drops it the next day.
    """
    today = today or timezone.localdate()
    notices = (
        AnnouncementPage.published()
        .filter(locale=locale, category__code=SERVICE_NOTICE, notice_ends_on__gte=today)
        .order_by("notice_ends_on", "-date", "pk")
    )
    if office is not None:
        notices = notices.filter(pk__in=RelatedOffice.announcement_ids(office))
    return notices
