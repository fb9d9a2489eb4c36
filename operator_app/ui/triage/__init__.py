"""The selected alarm: triage panel, patient panel, the alarm commands and the patient on screen."""
