"""Every module that adds routes to the API blueprint, imported once by the
app factory so the blueprint is complete before it is registered."""

from portal.api import (  # noqa: F401
    auth,
    handling,
    openapi,
    petitions,
    sessions,
    staff_petitions,
    stats,
)
