"""When the database is too busy to take a write, say so instead of failing the request.

SQLite takes one writer at a time. Writers wait for one another (settings give each a
timeout and start write transactions straight away, so two never deadlock), but a
burst longer than the wait still ends in "database is locked". The member then sees
the form again, everything they typed still in it, with a message to try again.
"""

BUSY_MESSAGE = (
    "The site was too busy to save this just now. Nothing you typed has been lost: "
    "wait a moment and send it again."
)


def is_busy(error):
    """Whether a database error means "try again shortly" rather than a fault."""
    text = str(error).lower()
    return "database is locked" in text or "database table is locked" in text
