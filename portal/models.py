"""Imports every model module, so the metadata (create_all, Alembic) and the
mappers always know every table, whatever else has been imported."""

from portal.accounts import models as accounts  # noqa: F401
from portal.answers import models as answers  # noqa: F401
from portal.api import tokens as api_tokens  # noqa: F401
from portal.deadlines import models as deadlines  # noqa: F401
from portal.dialogues import models as dialogues  # noqa: F401
from portal.handling import models as handling  # noqa: F401
from portal.inspection import models as inspection  # noqa: F401
from portal.notifications import models as notifications  # noqa: F401
from portal.open311 import models as open311  # noqa: F401
from portal.petitions import models as petitions  # noqa: F401
from portal.search import log as search_log  # noqa: F401
from portal.units import models as units  # noqa: F401
