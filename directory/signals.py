"""Keep roles and verification dates right as pages are created, translated and published."""

from django.contrib.auth.models import Group
from django.db.models.signals import post_init, post_save, pre_save
from django.dispatch import receiver
from wagtail.models import GroupApprovalTask, Task, Workflow
from wagtail.signals import page_published

from .editorial import role_names, roles
from .models import ContactPerson, LifeEventPage, OfficePage, ServicePage
from .translation import sync as translation_sync


@receiver(post_save, sender=OfficePage)
def give_new_office_its_editors(sender, instance, created, raw, **kwargs):
    """A new office gets its editors' group; a new translation joins its original's group."""
    if created and not raw:
        roles.ensure_office_editors_group(instance)


@receiver(page_published, sender=OfficePage)
def apply_office_moderation_switch(sender, instance, **kwargs):
    roles.apply_moderation_switch(instance)


@receiver(page_published, sender=OfficePage)
@receiver(page_published, sender=ServicePage)
@receiver(page_published, sender=LifeEventPage)
def english_follows_indonesian(sender, instance, **kwargs):
    """Every publish path (editor, approval, schedule, import) sends this signal, so English never lags."""
    if translation_sync.follows_source(instance):
        translation_sync.update_translations(instance)


@receiver(pre_save, sender=ContactPerson)
def keep_latest_verification(sender, instance, raw, **kwargs):
    """A confirmation is never undone by publishing a draft or a translation made before it.

    Confirming a contact updates the stored rows only (see ``freshness.verify_contact``);
    revisions keep the date they were made with.
    """
    if raw or instance.pk is None or instance.last_verified is None:
        return
    stored = ContactPerson.objects.filter(pk=instance.pk).values_list("last_verified", flat=True).first()
    if stored is not None and stored > instance.last_verified:
        instance.last_verified = stored


def _connect_role_names():
    for model in (Group, Workflow, Task, GroupApprovalTask):
        post_init.connect(role_names.show_in_active_language, sender=model, dispatch_uid=f"role_names_{model.__name__}")
        pre_save.connect(role_names.keep_stored_name, sender=model, dispatch_uid=f"role_names_save_{model.__name__}")


_connect_role_names()
