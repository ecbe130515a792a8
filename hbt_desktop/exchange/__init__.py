"""Files in and out: values (DHIS2 dataValueSets), catalogue and units as CSV, JSON, XLSX. No Qt."""
