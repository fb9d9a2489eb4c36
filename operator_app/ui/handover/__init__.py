"""The shift handover: its own window, the view and chart, and the PDF for paper."""
