"""Directory files in and out: the declared format, its validation, reading, import and export.

``import_directory(data, directory_index)`` writes a validated file into the
directory below ``directory_index`` (the site's own when left out);
``export_document()`` gives back the file of what the site holds. Both go through
``records``: the pages read as records of the file format.

The other ways in and out: ``life_events`` loads the life events file
(``data/life_events.json``), ``vcards`` gives a contact as a vCard ("Save contact").
"""

from .importing import ImportReport, NoDirectoryIndex, import_directory, site_directory_index
from .reading import load_directory_file
from .validation import DirectoryFileError, validate_directory
from .writing import export_document, export_offices, schema_text

__all__ = [
    "DirectoryFileError",
    "ImportReport",
    "NoDirectoryIndex",
    "export_document",
    "export_offices",
    "import_directory",
    "load_directory_file",
    "schema_text",
    "site_directory_index",
    "validate_directory",
]
