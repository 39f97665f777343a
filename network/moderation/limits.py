"""Per-member limits (reflections a day, comments an hour) that hold under parallel posts."""

from django.contrib.auth import get_user_model


def lock_account(user):
    """Hold the member's own account row until the transaction ends.

    Called before counting what the member has already posted: a second request by the
    same member waits here until the first has committed, so it counts that post too.
    Other members are not held up. (SQLite already lets only one writer in at a time.)
    """
    model = get_user_model()
    list(model.objects.select_for_update().filter(pk=user.pk).values_list("pk", flat=True))
