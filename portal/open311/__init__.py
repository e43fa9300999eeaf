"""Open311 GeoReport v2 at /open311/v2/: the portal's categories as services,
petitions as service requests, written by programs that hold a key issued
by an admin. What is served and how each field maps: docs/open311.md."""
