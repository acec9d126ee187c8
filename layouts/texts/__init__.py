"""All Swedish text of the user interface, one constant or mapping per concept.

Code and data use the English enum values; this package is the only place that says what
they are called in Swedish. Sentence templates use `str.format` fields named after what
they hold. Tests check that every enum member has a text here. Callers read one catalog,
`texts.X`; the modules below only keep it in readable parts.
"""

from layouts.texts.a11y import *  # noqa: F403
from layouts.texts.access import *  # noqa: F403
from layouts.texts.api import *  # noqa: F403
from layouts.texts.common import *  # noqa: F403
from layouts.texts.copy import *  # noqa: F403
from layouts.texts.entry import *  # noqa: F403
from layouts.texts.fetch import *  # noqa: F403
from layouts.texts.followup import *  # noqa: F403
from layouts.texts.measures import *  # noqa: F403
from layouts.texts.meeting import *  # noqa: F403
from layouts.texts.meetingui import *  # noqa: F403
from layouts.texts.national import *  # noqa: F403
from layouts.texts.pages import *  # noqa: F403
from layouts.texts.pagesize import *  # noqa: F403
from layouts.texts.prognoser2 import *  # noqa: F403
from layouts.texts.prognoser3 import *  # noqa: F403
from layouts.texts.reporting import *  # noqa: F403
from layouts.texts.upload_problems import *  # noqa: F403
