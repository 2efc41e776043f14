"""One way to put a report in the admin: ``ReportViewSet``, registered through the ``register_report_viewset`` hook.

Not through Wagtail's ``register_admin_viewset``: that includes each viewset's URLs under its namespace,
and the reports' names are flat (``search_query_report``), which several empty namespaces would make
ambiguous (Django's check urls.W005). ``report_urlpatterns`` includes them without one.

A report is a Wagtail ``ReportView`` subclass (filters, CSV and XLSX come with it through ``list_export``).
The viewset gives it its index and results URLs, its menu item (under Reports unless told otherwise) and one
rule for who may see it, applied to the menu item and to the URLs alike.
"""

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.urls import include, path, reverse
from django.utils.functional import cached_property
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet


class ReportMenuItem(MenuItem):
    """Shown only to the users the report lets in."""

    def __init__(self, *args, user_may_see, **kwargs):
        super().__init__(*args, **kwargs)
        self.user_may_see = user_may_see

    def is_shown(self, request):
        return self.user_may_see(request.user)


class ReportViewSet(ViewSet):
    """A report's URLs and menu item.

    ``name`` is the index URL's name (and ``<name>_results`` the results'), kept flat rather than namespaced
    so the names templates, tests and links already use keep working. ``url_prefix`` is the path under
    ``/admin/``. ``user_may_see(user)`` defaults to the view's own permission policy.
    ``extra_urls`` are ``path()`` entries for actions that belong to the report (relative to its prefix).
    """

    view_class = None
    menu_hook = "register_reports_menu_item"
    extra_urls = ()

    def get_url_name(self, view_name):
        return view_name

    @cached_property
    def results_url_name(self):
        return f"{self.name}_results"

    @cached_property
    def menu_url(self):
        return reverse(self.name)

    @cached_property
    def menu_icon(self):
        return self.icon or self.view_class.header_icon

    @cached_property
    def menu_label(self):
        return self.view_class.page_title

    def user_may_see(self, user):
        view = self.view_class()
        policy, actions = view.permission_policy, view.any_permission_required or view.permission_required
        if policy is None or actions is None:
            return user.has_perm("wagtailadmin.access_admin")
        actions = [actions] if isinstance(actions, str) else actions
        return policy.user_has_any_permission(user, actions)

    def get_menu_item(self, order=None):
        return ReportMenuItem(
            label=self.menu_label,
            url=self.menu_url,
            name=self.menu_name or self.name.replace("_", "-"),
            icon_name=self.menu_icon,
            order=self.get_menu_item_order(order),
            user_may_see=self.user_may_see,
        )

    def guarded(self, view):
        """The view, refused to whoever would not see the report's menu item."""

        @wraps(view)
        def report(request, *args, **kwargs):
            if not self.user_may_see(request.user):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return report

    def get_urlpatterns(self):
        names = {"index_url_name": self.name, "index_results_url_name": self.results_url_name}
        return [
            path("", self.guarded(self.construct_view(self.view_class, **names)), name=self.name),
            path(
                "results/",
                self.guarded(self.construct_view(self.view_class, results_only=True, **names)),
                name=self.results_url_name,
            ),
            *self.extra_urls,
        ]


REPORTS_HOOK = "register_report_viewset"
_registered: list[ReportViewSet] | None = None


def report_viewsets() -> list[ReportViewSet]:
    """The reports the apps register (``register_report_viewset`` hooks), each set up once (its menu item)."""
    global _registered
    if _registered is None:
        _registered = []
        for register in hooks.get_hooks(REPORTS_HOOK):
            found = register()
            for viewset in found if isinstance(found, (list, tuple)) else [found]:
                viewset.on_register()
                _registered.append(viewset)
    return _registered


def report_urlpatterns():
    """Every report's URLs under ``/admin/<url_prefix>/``, their names flat."""
    return [path(f"{viewset.url_prefix}/", include(viewset.get_urlpatterns())) for viewset in report_viewsets()]
