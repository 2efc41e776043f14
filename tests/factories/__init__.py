"""Test factories per app (factory_boy, wagtail-factories): each test builds just what it needs.

The session's database holds only the fixed top of the tree (home pages, directory and
announcement indexes in both languages, the announcement categories); pages made here
hang under it. Factory pages use sequence slugs, so they never clash with one another or
with the sample directory, which some test modules still import (see tests/conftest.py).
"""
