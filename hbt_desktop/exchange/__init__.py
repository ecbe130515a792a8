"""Files in and out: values (DHIS2 dataValueSets), catalogue and units as CSV, JSON, XLSX. No Qt.

The formats are documented in docs/file-formats.md.
"""

from hbt_desktop.exchange.catalogue_io import export_catalogue, import_catalogue
from hbt_desktop.exchange.report import Change, Counts, ImportReport
from hbt_desktop.exchange.tables import DEFAULT_LIMITS, Limits
from hbt_desktop.exchange.units_io import export_units, import_units
from hbt_desktop.exchange.values_io import export_values, import_values
from hbt_desktop.exchange.where import FileInputError, Where

__all__ = [
    "DEFAULT_LIMITS",
    "Change",
    "Counts",
    "FileInputError",
    "ImportReport",
    "Limits",
    "Where",
    "export_catalogue",
    "export_units",
    "export_values",
    "import_catalogue",
    "import_units",
    "import_values",
]
