"""The main window (a shell that lays out and wires the features) and its status bar."""
