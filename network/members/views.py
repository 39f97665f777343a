"""Joining the network and looking after your own profile."""

from allauth.account.decorators import verified_email_required
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse

from network.models import ApplicationStatus, Invitation, MemberProfile
from network.notifications.emails import facilitator_addresses, notify
from network.platform.membership import is_member

from .profile_forms import ApplicationForm, ProfileForm


@verified_email_required
def join(request):
    if is_member(request.user):
        messages.info(request, "You are already a member of the network.")
        return redirect("profile-edit")
    latest = request.user.membership_applications.first()
    if latest and latest.status == ApplicationStatus.PENDING:
        return render(request, "network/join_pending.html", {"application": latest})
    initial = {}
    if latest:
        initial = {field: getattr(latest, field) for field in ApplicationForm.Meta.fields}
    form = ApplicationForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        application = form.save(commit=False)
        application.user = request.user
        application.save()
        notify(
            facilitator_addresses(),
            f"New membership application from {application.name}",
            "application_received",
            name=application.name,
            organisation=application.organisation,
            role=application.role,
            review_url=reverse("membership_applications:index"),
        )
        notify(
            [request.user.email],
            "We have your application to join",
            "application_acknowledged",
            name=application.name,
        )
        return redirect("join")
    return render(request, "network/join.html", {"form": form, "previous": latest})


def accept_invitation(request, token):
    invitation = Invitation.objects.filter(token=token).first()
    if invitation is None:
        return render(
            request,
            "network/invitation_problem.html",
            {"problem": "This invitation link is not valid. Check that you copied all of it."},
            status=404,
        )
    if invitation.accepted_at is not None:
        problem = "This invitation has already been used. Sign in with the account it created."
    elif invitation.is_expired:
        problem = (
            f"This invitation expired on {invitation.expires_at:%-d %B %Y}. Ask the facilitator "
            "who invited you for a new one, or apply to join."
        )
    else:
        problem = None
    if problem:
        return render(request, "network/invitation_problem.html", {"problem": problem}, status=410)
    if not request.user.is_authenticated:
        messages.info(
            request,
            f"Create an account with {invitation.email} (or sign in) to accept your invitation.",
        )
        return redirect(f"{reverse('account_signup')}?next={request.path}")
    return _accept_invitation(request, invitation)


@verified_email_required
def _accept_invitation(request, invitation):
    """Only an address the person has shown they own may take up an invitation sent to it."""
    if request.user.email.lower() != invitation.email.lower():
        return render(
            request,
            "network/invitation_problem.html",
            {
                "problem": (
                    f"This invitation was sent to {invitation.email}, but you are signed in as "
                    f"{request.user.email}. Sign out and use the invited address."
                )
            },
            status=403,
        )
    invitation.accept(request.user)
    MemberProfile.objects.get_or_create(
        user=request.user, defaults={"name": request.user.email.partition("@")[0]}
    )
    messages.success(request, "Welcome to the network. Tell other members about yourself.")
    return redirect("profile-edit")


@login_required
def profile_edit(request):
    if not is_member(request.user):
        return redirect("join")
    profile = MemberProfile.objects.filter(user=request.user).first()
    if profile is None:
        application = request.user.membership_applications.first()
        profile = MemberProfile(user=request.user, name=application.name if application else "")
    form = ProfileForm(request.POST or None, request.FILES or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        profile = form.save()
        messages.success(request, "Your profile has been saved.")
        return redirect("profile-edit")
    return render(request, "network/profile_edit.html", {"form": form, "profile": profile})


@login_required
def your_data(request):
    return render(request, "network/your_data.html")


@login_required
def download_data(request):
    from django.core.serializers.json import DjangoJSONEncoder
    from django.http import JsonResponse

    from .your_data import export_for

    response = JsonResponse(
        export_for(request.user), encoder=DjangoJSONEncoder, json_dumps_params={"indent": 2}
    )
    response["Content-Disposition"] = 'attachment; filename="my-network-data.json"'
    return response


@login_required
def delete_account(request):
    from django.contrib.auth import logout

    from .your_data import delete_account as erase

    if request.method != "POST":
        return redirect("my-data")
    if request.POST.get("confirm") != "delete":
        messages.error(request, "Tick the box to confirm that you want to delete your account.")
        return render(
            request,
            "network/your_data.html",
            {"withdraw": request.POST.get("withdraw")},
            status=400,
        )
    user = request.user
    logout(request)
    erase(user, withdraw_posts=bool(request.POST.get("withdraw")))
    messages.success(request, "Your account has been deleted.")
    return redirect("/")
