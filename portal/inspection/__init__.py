"""Inspection: response-time figures recomputable from the history, the
overdue register, findings, exports and the import of earlier records."""
