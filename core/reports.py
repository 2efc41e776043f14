"""One way to put a report in the admin: ``ReportViewSet``, registered through ``register_admin_viewset``.

A report is a Wagtail ``ReportView`` subclass (filters, CSV and XLSX come with it through ``list_export``).
The viewset gives it its index and results URLs, its menu item (under Reports unless told otherwise) and one
rule for who may see it, applied to the menu item and to the URLs alike.
"""

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils.functional import cached_property
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
    # Flat URL names: Django merges an include() without a namespace into its parent's names.
    url_namespace = ""

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
