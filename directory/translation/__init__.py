"""English follows Indonesian: the directory's translations.

``sync`` brings a published original's translations up to date, ``status`` tells which text
of a translated page still shows the original's words, ``report`` counts them per page for the
*Translation status* report, and ``team_actions`` keeps wagtail-localize's riskier actions with
the communications team.

Nothing is imported here: the page models import ``status`` while they load.
"""
