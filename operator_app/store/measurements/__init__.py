"""Home measurements: triage into colours, plot points and review items; the reads of plots,
latest values, the list, NEWS2."""
