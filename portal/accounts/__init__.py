"""People: residents and staff, their passwords and their role grants."""
