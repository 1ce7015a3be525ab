"""The library file: where it lives, opening and migrating it, backups, recovery of damaged files and integrity checks."""
