"""Translation actions that stay with the communications team: *Stop synced translation*, *Convert to alias page*.

wagtail-localize lets anyone who may edit a page use them. Office editors are not
offered them (the page action menu, the translation editor's footer) and are refused
the views behind them, whatever way they reach them.
"""

import html
import json
import re

from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail.admin import messages
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail_localize.models import Translation
from wagtail_localize.views import edit_translation

from ..editorial.roles import is_office_editor

TEAM_ONLY_VIEWS = frozenset({"wagtail_localize:convert_to_alias", "wagtail_localize:stop_translation"})
TEAM_ONLY_MENU_ITEMS = frozenset({"localize-convert-to-alias"})
# The translation editor's links that lead to the team-only views, in its React props.
TEAM_ONLY_EDITOR_LINKS = ("stopTranslationUrl", "convertToAliasUrl")
EDITOR_PROPS = re.compile(r'data-props="([^"]*)"')


def without_team_actions(menu_items, request):
    """``menu_items`` of the page action menu, minus the team's translation actions for an office editor."""
    if is_office_editor(request.user):
        menu_items[:] = [item for item in menu_items if item.name not in TEAM_ONLY_MENU_ITEMS]


def refuse_to_office_editors(request, view_name):
    """The answer to an office editor who reaches a team-only view, else ``None``."""
    if view_name not in TEAM_ONLY_VIEWS or not is_office_editor(request.user):
        return None
    if request.headers.get("x-requested-with") == "XMLHttpRequest":
        raise PermissionDenied
    messages.error(
        request, _("Only the communications team can stop a synced translation or turn a page into an alias.")
    )
    return redirect(get_valid_next_url_from_request(request) or "wagtailadmin_home")


class TeamOnlyTranslationActionsMiddleware:
    """Refuses the team-only views of wagtail-localize to office editors, who can edit the pages they act on."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        return refuse_to_office_editors(request, request.resolver_match.view_name)


def translation_editor(request, page):
    """wagtail-localize's translation editor for an office editor, without links to the team-only views.

    Its React footer always draws *Stop synced translation*; without a URL the
    button does nothing, and the admin CSS hides it (``hide_unlinked_editor_actions``).
    """
    if request.method != "GET" or page.alias_of_id or not is_office_editor(request.user):
        return None
    translation = Translation.objects.filter(
        source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
    ).first()
    if translation is None:
        return None
    response = edit_translation.edit_translation(request, translation, page)
    if response.status_code == 200:
        response.content = EDITOR_PROPS.sub(_without_team_links, response.content.decode(response.charset), count=1)
    return response


def _without_team_links(match):
    props = json.loads(html.unescape(match.group(1)))
    for link in TEAM_ONLY_EDITOR_LINKS:
        props["links"][link] = None
    return f'data-props="{html.escape(json.dumps(props))}"'


HIDE_UNLINKED_EDITOR_ACTIONS = (
    "<style>.js-translation-editor button[data-action~='w-action#post']:not([data-w-action-url-value])"
    "{display:none}</style>"
)
