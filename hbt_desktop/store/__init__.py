"""The SQLite file: connection, migrations, queries and backups. The only package with SQL."""
