"""Who may change what: one editors' group per office, the communications team, and its moderation workflow.

Everything here is idempotent: it creates what is missing and changes nothing
an administrator may have added. ``setup_roles`` runs it all; the signals in
``directory.signals`` give each new office (and each new translation of one)
its group as the page appears.
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from ..models import DirectoryIndexPage, OfficePage

OFFICE_GROUP_PREFIX = "Editor OPD: "
COMMUNICATIONS_TEAM = "Tim Komunikasi"
MODERATION_WORKFLOW = "Moderasi Tim Komunikasi"
MODERATION_TASK = "Persetujuan Tim Komunikasi"

# Without "publish", Wagtail lets office editors only save drafts and submit them
# to the workflow; an office whose moderation is switched off gets "publish" too.
OFFICE_PAGE_ACTIONS = ("add", "change", "lock")
COMMUNICATIONS_PAGE_ACTIONS = ("add", "change", "publish", "lock", "unlock")
OFFICE_COLLECTION_PERMISSIONS = (
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.choose_document",
)
COMMUNICATIONS_COLLECTION_PERMISSIONS = OFFICE_COLLECTION_PERMISSIONS + (
    "wagtailimages.delete_image",
    "wagtaildocs.delete_document",
)
ADMIN_ACCESS = "wagtailadmin.access_admin"
COMMUNICATIONS_PERMISSIONS = (
    ADMIN_ACCESS,
    "core.change_regencysettings",
    "search.add_synonymgroup",
    "search.change_synonymgroup",
    "search.delete_synonymgroup",
    "search.view_synonymgroup",
    "search.view_searchquerylog",
    "wagtailsearchpromotions.add_searchpromotion",
    "wagtailsearchpromotions.change_searchpromotion",
    "wagtailsearchpromotions.delete_searchpromotion",
    "wagtailsearchpromotions.view_searchpromotion",
    "announcements.add_announcementcategory",
    "announcements.change_announcementcategory",
    "announcements.delete_announcementcategory",
    "announcements.view_announcementcategory",
    # Creating or syncing a translation is not checked per page by wagtail-localize,
    # so only the team that oversees the whole site may do it.
    "wagtail_localize.submit_translation",
    "directory.switch_office_moderation",
)


class OfficeNotFound(LookupError):
    pass


@dataclass
class Grant:
    user: object
    group: Group
    office: OfficePage
    user_created: bool
    added_to_group: bool


@dataclass
class RolesReport:
    communications_team: Group
    workflow: Workflow
    office_groups: list


def permissions(names):
    """Permission objects for ``app_label.codename`` names; names of apps not installed yet are skipped."""
    query = Q(pk__in=[])
    for name in names:
        app_label, codename = name.split(".", 1)
        query |= Q(content_type__app_label=app_label, codename=codename)
    return list(Permission.objects.filter(query))


def page_permissions(actions):
    return list(
        Permission.objects.filter(
            content_type=ContentType.objects.get_for_model(Page),
            codename__in=[f"{action}_page" for action in actions],
        )
    )


def office_group_name(office):
    return f"{OFFICE_GROUP_PREFIX}{office.stable_slug}"


def source_office(office):
    """The office in the default language, which decides its group and its moderation switch."""
    default = Locale.get_default()
    if office.locale_id == default.pk:
        return office
    return OfficePage.objects.filter(translation_key=office.translation_key, locale=default).first() or office


def office_versions(office):
    """The office page in every language (the original, its translations and aliases)."""
    return list(OfficePage.objects.filter(translation_key=office.translation_key))


def office_editors_group(office):
    return Group.objects.filter(name=office_group_name(source_office(office))).first()


@transaction.atomic
def ensure_office_editors_group(office):
    """The office's editors' group, with rights on its pages in every language and on its own collection."""
    office = source_office(office)
    group, _created = Group.objects.get_or_create(name=office_group_name(office))
    group.permissions.add(*permissions([ADMIN_ACCESS]))
    versions = office_versions(office)
    _grant_page_permissions(group, versions, OFFICE_PAGE_ACTIONS)
    _apply_moderation_switch(group, office, versions)
    _grant_collection_permissions(group, _office_collection(group, office), OFFICE_COLLECTION_PERMISSIONS)
    return group


def apply_moderation_switch(office):
    """Give or take the office editors' right to publish, after the office's switch as published."""
    group = office_editors_group(office)
    if group is not None:
        office = source_office(office)
        _apply_moderation_switch(group, office, office_versions(office))


def _apply_moderation_switch(group, office, versions):
    # The stored row holds the published value; an unapproved draft cannot switch moderation off.
    moderated = OfficePage.objects.filter(pk=office.pk).values_list("requires_moderation", flat=True).first()
    if moderated is False:
        _grant_page_permissions(group, versions, ["publish"])
    else:
        GroupPagePermission.objects.filter(group=group, page__in=versions, permission__codename="publish_page").delete()


def _grant_page_permissions(group, pages, actions):
    wanted = page_permissions(actions)
    existing = set(
        GroupPagePermission.objects.filter(group=group, page__in=pages).values_list("page_id", "permission_id")
    )
    GroupPagePermission.objects.bulk_create(
        [
            GroupPagePermission(group=group, page=page, permission=permission)
            for page in pages
            for permission in wanted
            if (page.pk, permission.pk) not in existing
        ]
    )


def _grant_collection_permissions(group, collection, names):
    existing = set(
        GroupCollectionPermission.objects.filter(group=group, collection=collection).values_list(
            "permission_id", flat=True
        )
    )
    GroupCollectionPermission.objects.bulk_create(
        [
            GroupCollectionPermission(group=group, collection=collection, permission=permission)
            for permission in permissions(names)
            if permission.pk not in existing
        ]
    )


def _office_collection(group, office):
    """The collection the group already works in, else one named after the office under the root."""
    collection = Collection.objects.filter(group_permissions__group=group).order_by("path").first()
    if collection is not None:
        return collection
    root = Collection.get_first_root_node()
    name = office.title[:255]
    return root.get_children().filter(name=name).first() or root.add_child(name=name)


@transaction.atomic
def ensure_communications_team():
    """The team that publishes news, keeps the site settings and search tools, and approves office changes."""
    team, _created = Group.objects.get_or_create(name=COMMUNICATIONS_TEAM)
    team.permissions.add(*permissions(COMMUNICATIONS_PERMISSIONS))
    # The home page of each language covers announcements and the directory below it.
    home_pages = [
        translation
        for site in Site.objects.select_related("root_page")
        for translation in site.root_page.get_translations(inclusive=True)
    ]
    _grant_page_permissions(team, home_pages, COMMUNICATIONS_PAGE_ACTIONS)
    _grant_collection_permissions(team, Collection.get_first_root_node(), COMMUNICATIONS_COLLECTION_PERMISSIONS)
    return team


@transaction.atomic
def ensure_moderation_workflow(team):
    """One approval task for the team, assigned to the directory of every language.

    Offices and services inherit it. A directory already given another workflow
    by an administrator keeps it.
    """
    task = GroupApprovalTask.objects.filter(name=MODERATION_TASK).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=MODERATION_TASK)
    task.groups.add(team)
    workflow, _created = Workflow.objects.get_or_create(name=MODERATION_WORKFLOW)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    for directory in DirectoryIndexPage.objects.all():
        WorkflowPage.objects.get_or_create(page=directory, defaults={"workflow": workflow})
    return workflow


@transaction.atomic
def setup_roles():
    """The communications team, its workflow and every office's editors' group; safe on an empty site."""
    team = ensure_communications_team()
    workflow = ensure_moderation_workflow(team)
    offices = OfficePage.objects.filter(locale=Locale.get_default(), alias_of__isnull=True).order_by("path")
    return RolesReport(
        communications_team=team,
        workflow=workflow,
        office_groups=[ensure_office_editors_group(office) for office in offices],
    )


@transaction.atomic
def grant_office_editor(username, office_slug):
    """Make ``username`` an editor of the office; creates the user, without a usable password, if needed."""
    office = OfficePage.objects.filter(stable_slug=office_slug, locale=Locale.get_default()).first()
    if office is None:
        raise OfficeNotFound(f"No office with the identifier {office_slug!r}.")
    group = ensure_office_editors_group(office)
    User = get_user_model()
    user = User.objects.filter(**{User.USERNAME_FIELD: username}).first()
    user_created = user is None
    if user_created:
        user = User(**{User.USERNAME_FIELD: username})
        user.set_unusable_password()
        user.save()
    added = not user.groups.filter(pk=group.pk).exists()
    if added:
        user.groups.add(group)
    return Grant(user=user, group=group, office=office, user_created=user_created, added_to_group=added)


def offices_edited_by(user):
    """Offices (in the default language) on which one of the user's groups holds a direct right to edit."""
    if not user.is_authenticated:
        return OfficePage.objects.none()
    return OfficePage.objects.filter(
        locale=Locale.get_default(),
        group_permissions__group__in=user.groups.all(),
        group_permissions__permission__codename="change_page",
    ).distinct()


def is_office_editor(user):
    """A member of an office editors' group who is neither on the communications team nor an administrator."""
    if not user.is_authenticated or user.is_superuser:
        return False
    # Asked by several hooks of one admin request: kept on the user, as Django keeps its permission cache.
    if not hasattr(user, "_is_office_editor"):
        names = list(user.groups.values_list("name", flat=True))
        user._is_office_editor = COMMUNICATIONS_TEAM not in names and any(
            name.startswith(OFFICE_GROUP_PREFIX) for name in names
        )
    return user._is_office_editor
