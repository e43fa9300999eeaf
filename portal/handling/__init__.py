"""Who holds a petition: assignment, transfer, send-back, extensions, pauses."""
