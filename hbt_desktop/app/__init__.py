"""One function per user action (opening a file, imports, ward and district exchange,
documents, sign-off). No Qt."""
