from django.core.management.base import BaseCommand, CommandError

from directory.editorial.roles import OfficeNotFound, grant_office_editor


class Command(BaseCommand):
    help = "Make a user an editor of one office (both languages); creates the user, without a password, if needed."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("office_slug", help="The office's stable identifier, e.g. dispendukcapil.")

    def handle(self, *args, **options):
        username = options["username"]
        try:
            grant = grant_office_editor(username, options["office_slug"])
        except OfficeNotFound as error:
            raise CommandError(str(error)) from None
        if grant.user_created:
            self.stdout.write(f"Created user {username!r} without a usable password. Set one with:")
            self.stdout.write(f"    python manage.py changepassword {username}")
        if grant.added_to_group:
            self.stdout.write(self.style.SUCCESS(f"{username!r} now edits {grant.office.title} ({grant.group.name})."))
        else:
            self.stdout.write(f"{username!r} already edits {grant.office.title}; nothing changed.")
