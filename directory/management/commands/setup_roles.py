from django.core.management.base import BaseCommand

from directory.editorial.roles import setup_roles


class Command(BaseCommand):
    help = "Create the communications team, its moderation workflow and each office's editors' group (idempotent)."

    def handle(self, *args, **options):
        report = setup_roles()
        self.stdout.write(
            f"{report.communications_team.name}: workflow “{report.workflow.name}”; "
            f"{len(report.office_groups)} office editors' groups."
        )
