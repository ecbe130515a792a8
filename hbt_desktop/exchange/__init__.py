"""Files in and out, no Qt: figures (DHIS2 dataValueSets), the catalogue and the units as
CSV, JSON or XLSX; the Excel entry sheet; the signed packages between ward offices and
the district; the document files; the shipped reference and demo data.

Each module is imported by its own name (``exchange.values_io.import_values``); this
package re-exports nothing. The formats are documented in docs/file-formats.md.
"""
