"""Who counts as a network member or facilitator.

Membership is group-based so that the members issue's approval flow only has to add a
user to the Members group; every visibility rule asks these two functions (and
User.objects.members() for many people at once). This module imports no model, so the
models can ask it too.
"""

MEMBERS_GROUP = "Members"
FACILITATORS_GROUP = "Facilitators"


def _group_names(user):
    cached = getattr(user, "_network_group_names", None)
    if cached is None:
        cached = set(user.groups.values_list("name", flat=True))
        user._network_group_names = cached
    return cached


def is_facilitator(user):
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return user.is_superuser or FACILITATORS_GROUP in _group_names(user)


def is_member(user):
    """Members read members-only reflections and profiles; facilitators always can."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return is_facilitator(user) or MEMBERS_GROUP in _group_names(user)


def member_required(refusal):
    """A view for network members only; anyone else signed in is told why and sent to join."""
    from functools import wraps

    from django.contrib import messages
    from django.contrib.auth.decorators import login_required
    from django.shortcuts import redirect

    def decorator(view):
        @login_required
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not is_member(request.user):
                messages.info(request, refusal)
                return redirect("join")
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
