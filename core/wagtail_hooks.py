"""Core's admin wiring: the reports every app registers (``core.reports``)."""

from wagtail import hooks

from .reports import report_urlpatterns


@hooks.register("register_admin_urls")
def register_report_urls():
    return report_urlpatterns()
