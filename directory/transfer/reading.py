"""A directory file read from disk, or the reason it cannot be."""

import json

from .validation import DirectoryFileError


def load_directory_file(path):
    """The parsed JSON of ``path``; a missing, undecodable or malformed file is a ``DirectoryFileError``."""
    try:
        with open(path, encoding="utf-8") as handle:
            return json.load(handle)
    except FileNotFoundError:
        raise DirectoryFileError([f"{path}: no such file"]) from None
    except UnicodeDecodeError as error:
        raise DirectoryFileError([f"{path}: not UTF-8 text ({error.reason})"]) from None
    except json.JSONDecodeError as error:
        raise DirectoryFileError(
            [f"{path}: not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}"]
        ) from None
