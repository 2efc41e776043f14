"""core's ReportViewSet: one registration gives a report its menu item, its guarded URLs and its exports."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission

from core.reports import report_viewsets

pytestmark = pytest.mark.django_db

INDEX = "/admin/reports/searches/"


def admin_user(username, *codenames):
    user = get_user_model().objects.create_user(username, password="x")
    user.user_permissions.add(*Permission.objects.filter(codename__in=("access_admin", *codenames)))
    return user


def registered(name):
    return next(viewset for viewset in report_viewsets() if viewset.name == name)


def test_a_registered_report_shows_its_menu_item_only_to_users_allowed_to_see_it(rf):
    menu_item = registered("search_query_report").get_menu_item()
    assert menu_item.url == INDEX
    for user, shown in ((admin_user("anna"), False), (admin_user("budi", "view_searchquerylog"), True)):
        request = rf.get("/admin/")
        request.user = user
        assert menu_item.is_shown(request) is shown


def test_a_registered_report_refuses_users_without_its_permission(client):
    client.force_login(admin_user("anna"))
    for url in (INDEX, INDEX + "results/", INDEX + "?export=csv"):
        response = client.get(url)
        assert response.status_code in (302, 403), url


def test_a_registered_report_serves_its_index_results_and_exports(client):
    client.force_login(admin_user("budi", "view_searchquerylog"))
    index = client.get(INDEX)
    assert index.status_code == 200
    assert INDEX + "results/" in index.content.decode()  # the listing refreshes its results from there
    assert client.get(INDEX + "results/").status_code == 200
    csv = client.get(INDEX + "?export=csv")
    assert csv.status_code == 200
    assert csv["Content-Type"].startswith("text/csv")
    assert len(csv.getvalue().decode().splitlines()[0].split(",")) == 4  # query, language, searches, failed
    xlsx = client.get(INDEX + "?export=xlsx")
    assert xlsx.status_code == 200
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")
