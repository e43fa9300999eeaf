"""Petitions: submission, tracking, acknowledgement and their history."""
