"""Applying a batch of feed events, with the feed cursor, in one transaction."""
