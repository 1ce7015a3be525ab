"""The source reader: a source's page and its highlighted text."""
