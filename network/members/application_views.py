"""Facilitators' admin screens for membership: pending applications and invitations."""

from django import forms
from django.contrib import messages
from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse

from network.models import ApplicationStatus, Invitation, MembershipApplication
from network.notifications import notices
from network.notifications.emails import notify
from network.platform.facilitator_screens import FacilitatorScreen
from network.platform.site_address import email_link


class DecisionForm(forms.Form):
    # No decision is chosen in advance: a facilitator reads the application and picks one.
    decision = forms.ChoiceField(
        choices=[("approve", "Approve"), ("decline", "Decline")],
        error_messages={"required": "Choose whether to approve or decline the application."},
    )
    message = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=2000,
        help_text="Sent to the applicant. Required when declining.",
    )

    def clean(self):
        data = super().clean()
        if data.get("decision") == "decline" and not data.get("message", "").strip():
            self.add_error("message", "Tell the applicant why, so they know what to do next.")
        return data


class ApplicationIndexView(FacilitatorScreen):
    template_name = "network/admin/applications.html"
    page_title = "Membership applications"
    header_icon = "user"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        applications = MembershipApplication.objects.select_related("user", "sector", "region")
        context["pending"] = applications.pending().order_by("created_at")
        context["decided"] = applications.exclude(status=ApplicationStatus.PENDING)[:30]
        context["form"] = kwargs.get("form") or DecisionForm()
        context["form_for"] = kwargs.get("form_for")
        return context

    def post(self, request, pk=None):
        if pk is None:
            return HttpResponseNotAllowed(["GET"])
        application = get_object_or_404(MembershipApplication.objects.pending(), pk=pk)
        form = DecisionForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(
                self.get_context_data(form=form, form_for=application.pk)
            )
        message = form.cleaned_data["message"].strip()
        if form.cleaned_data["decision"] == "approve":
            application.approve(request.user, message)
            notices.membership_decided(application, approved=True, message=message)
            messages.success(request, f"{application.name} is now a member.")
        else:
            application.decline(request.user, message)
            notices.membership_decided(application, approved=False, message=message)
            messages.success(request, f"The application from {application.name} was declined.")
        return redirect("membership_applications:index")


class InvitationForm(forms.Form):
    email = forms.EmailField(label="Email address to invite")


class InvitationView(FacilitatorScreen):
    template_name = "network/admin/invitations.html"
    page_title = "Invitations"
    header_icon = "mail"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["form"] = kwargs.get("form") or InvitationForm()
        context["invitations"] = Invitation.objects.select_related("invited_by")[:50]
        return context

    def post(self, request):
        form = InvitationForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        invitation = Invitation.objects.create(
            email=form.cleaned_data["email"], invited_by=request.user
        )
        notify(
            [invitation.email],
            "You are invited to join the network",
            "invitation",
            invited_by=request.user.get_full_name() or request.user.email,
            link=email_link(reverse("join-invitation", args=[invitation.token])),
            expires=f"{invitation.expires_at:%-d %B %Y}",
        )
        messages.success(request, f"Invitation sent to {invitation.email}.")
        return redirect("membership_invitations")
