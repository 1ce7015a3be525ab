"""The PySide6 desktop interface. It talks to the core only through `core.service.Library`."""
