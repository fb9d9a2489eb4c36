"""Alarms and patients: their tables, the claim/release/close commands, grouping, queue reads,
the response log and its export."""
