"""Test factories per app (factory_boy, wagtail-factories): each test builds just what it needs.

The session's database holds the fixed top of the tree (home pages, directory and
announcement indexes in both languages, the announcement categories), and the sample
directory when the run holds a test marked ``sample`` (see tests/conftest.py); pages made
here hang under it. Factory pages use sequence slugs, and data built once for a module or
package (``tests/support/database.built_once``) uses identifiers of its own, so they never
clash with one another or with the sample.
"""
