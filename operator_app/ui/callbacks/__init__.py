"""Scheduled callbacks: the view, the dialogs, their words, and the controller that opens them."""
