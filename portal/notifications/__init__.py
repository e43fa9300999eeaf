"""Messages to residents (e-mail) and officials (e-mail and in the app)."""
