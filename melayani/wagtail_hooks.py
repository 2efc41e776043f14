from wagtail import hooks

from . import autosave

hooks.register("before_create_page", autosave.create_once)
