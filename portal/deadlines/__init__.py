"""Dated deadline rules and the calendar entries admins keep."""
