"""The shift: callbacks, and the handover (facts from the event rows, notes, sign-off, CSV)."""
