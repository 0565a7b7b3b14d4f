"""The PySide6 layer of Prospect Desk: windows, dialogs and Qt models over the core."""
