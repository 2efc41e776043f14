"""The editors' side of the directory: who may change what, and what helps them keep it right.

- ``roles``, ``role_names``: one editors' group per office, the communications team and its
  moderation workflow, named in each admin user's language;
- ``freshness``: contacts due for a check, and confirming one;
- ``dashboard``: the panels of an office editor's admin home (their office, their contacts to
  check) and a page explorer that opens on their office;
- ``panels``, ``forms``: pieces of the page editing forms;
- ``action_menu``: the page footer's buttons as an office editor needs them;
- ``views``: the one-click contact check;
- ``reports``: the admin reports (contact data to check, translation status) and who sees them.

The page models import ``panels`` and ``forms`` while they load, so those two import no
other module of this package, and nothing is imported here.
"""
