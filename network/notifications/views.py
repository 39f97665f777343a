"""Following themes, sectors, regions, series and members; notifications; email choices."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from network.models import DigestFrequency, EmailPreferences, Immediate, Notification, User
from network.notifications import following, unsubscribe
from network.platform.form_fields import MAX_ID
from network.platform.membership import member_required
from network.platform.site_address import is_local_path

NOTIFICATIONS_PAGE_SIZE = 20
FOLLOW_REFUSAL = "Following is for network members. Apply to join to follow themes and people."


def _back(request, fallback):
    """Back to the page the form was on, if it is a path on this site; else `fallback`."""
    target = request.POST.get("next", "")
    if is_local_path(request, target):
        return HttpResponseRedirect(target)
    return redirect(fallback)


def _target(kind, pk, user, unfollowing=False):
    """The thing to follow; a member profile only when the member may see it (anything
    already followed can always be let go)."""
    followable = following.by_kind(kind)
    if followable is None or pk > MAX_ID:
        raise Http404("Nothing of that kind can be followed")
    things = followable.model._default_manager.all()
    if hasattr(things, "visible_to") and not unfollowing:
        things = things.visible_to(user)
    return get_object_or_404(things, pk=pk)


@require_POST
@member_required(FOLLOW_REFUSAL)
def follow(request, kind, pk):
    unfollowing = request.POST.get("action") == "unfollow"
    target = _target(kind, pk, request.user, unfollowing)
    if unfollowing:
        following.unfollow(request.user, target)
        messages.success(request, f"You no longer follow {target}.")
    else:
        following.follow(request.user, target)
        messages.success(
            request, f"You now follow {target}. New posts and case studies will reach you."
        )
    return _back(request, "following")


@member_required(FOLLOW_REFUSAL)
def following_page(request):
    return render(
        request,
        "network/following.html",
        {"groups": following.followed_by(request.user), "kinds": following.kinds()},
    )


@login_required
def notifications(request):
    mine = Notification.objects.for_member(request.user)
    page = Paginator(mine, NOTIFICATIONS_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "network/notifications.html",
        {"page_obj": page, "unread": mine.unread().count()},
    )


@login_required
def open_notification(request, pk):
    """Marks it read and goes to what it is about."""
    notification = get_object_or_404(Notification.objects.for_member(request.user), pk=pk)
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    # The address was stored by the site itself: followed as it stands, never read as a name.
    if notification.url:
        return HttpResponseRedirect(notification.url)
    return redirect("notifications")


@require_POST
@login_required
def mark_read(request):
    mine = Notification.objects.for_member(request.user).unread()
    which = request.POST.get("notification", "")
    if which:
        if not (which.isascii() and which.isdecimal()) or int(which) > MAX_ID:
            messages.error(request, "That notification could not be found.")
            return redirect("notifications")
        mine = mine.filter(pk=int(which))
    count = mine.update(read_at=timezone.now())
    if which:
        messages.success(request, "Marked as read.")
    else:
        messages.success(
            request, f"{count} notification{'s' if count != 1 else ''} marked as read."
        )
    return _back(request, "notifications")


class EmailPreferencesForm(forms.ModelForm):
    class Meta:
        model = EmailPreferences
        fields = ["decisions", "replies", "digest"]
        widgets = dict.fromkeys(fields, forms.RadioSelect)


@login_required
def email_preferences(request):
    preferences = EmailPreferences.objects.filter(user=request.user).first()
    preferences = preferences or EmailPreferences(user=request.user)
    form = EmailPreferencesForm(request.POST or None, instance=preferences)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Your email choices are saved.")
        return redirect("email-preferences")
    return render(request, "network/email_preferences.html", {"form": form})


OFF = {"decisions": Immediate.NEVER, "replies": Immediate.NEVER, "digest": DigestFrequency.NEVER}
WHAT = {
    "decisions": "emails about decisions on what you send and on your membership",
    "replies": "emails about comments on your posts and replies in your discussions",
    "digest": "digests of new posts and case studies in what you follow",
}


@csrf_exempt  # mail programs POST here with no session (RFC 8058); the token is the proof
def unsubscribe_view(request, token):
    found = unsubscribe.read(token)
    user = User.objects.filter(pk=found[0], is_active=True).first() if found else None
    if user is None:
        return render(
            request,
            "network/unsubscribe.html",
            {"invalid": True},
            status=400,
        )
    about = found[1]
    if request.method == "POST":
        # One row whatever races: a mail program and the member may both send this.
        EmailPreferences.objects.update_or_create(user=user, defaults={about: OFF[about]})
        return render(request, "network/unsubscribe.html", {"done": True, "what": WHAT[about]})
    return render(request, "network/unsubscribe.html", {"what": WHAT[about], "token": token})
