"""The desk's screens, one folder per feature; ``shell`` puts them together in one window."""
