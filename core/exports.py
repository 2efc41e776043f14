"""Spreadsheet exports that a spreadsheet program shows as text, never runs."""

# A cell starting with one of these is read as a formula by spreadsheet programs.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    """A text cell prefixed with ``'`` when it would otherwise be a formula (CSV formula injection)."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class FormulaSafeCsvMixin:
    """For Wagtail's ``SpreadsheetExportMixin`` views: every CSV cell made safe (XLSX cells already are)."""

    def write_csv_row(self, writer, row_dict):
        return super().write_csv_row(writer, {field: spreadsheet_safe(value) for field, value in row_dict.items()})
