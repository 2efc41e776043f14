"""Views of the directory: ``poster`` (an office page's printable poster), ``admin`` (actions in the admin).

Nothing is imported here: the office page imports ``poster`` while the models load.
"""
