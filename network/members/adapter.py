"""Every account behaviour the network changes in django-allauth, in one place."""

from urllib.parse import quote

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.urls import reverse

from network.notifications.mail import header_safe
from network.platform.membership import is_member
from network.platform.site_address import email_link, site_url


class AccountAdapter(DefaultAccountAdapter):
    def get_login_redirect_url(self, request):
        """Send people who have not yet joined to the application form, not a dead end."""
        user = request.user
        if user.is_authenticated and not is_member(user):
            return reverse("join")
        return super().get_login_redirect_url(request)

    def get_signup_redirect_url(self, request):
        return reverse("join")

    def is_auto_approved(self, email):
        domain = email.rpartition("@")[2].lower()
        return domain in {item.lower() for item in settings.MEMBERSHIP_AUTO_APPROVE_DOMAINS}

    def confirm_email(self, request, email_address):
        """Verified addresses at trusted organisations join without waiting for a facilitator."""
        confirmed = super().confirm_email(request, email_address)
        from network.models.joining import make_member

        if confirmed and self.is_auto_approved(email_address.email):
            make_member(email_address.user)
        return confirmed

    def format_email_subject(self, subject):
        """allauth's subject templates can carry a site or person's name: keep it one line."""
        return header_safe(super().format_email_subject(subject))

    def send_mail(self, template_prefix, email, context):
        """The network's email templates (templates/account/email/) link from SITE_URL."""
        context = {**context, "site_name": settings.WAGTAIL_SITE_NAME, "site_url": site_url()}
        super().send_mail(template_prefix, email, context)

    def get_email_confirmation_url(self, request, emailconfirmation):
        """From SITE_URL, not the host the request used, like every other email link."""
        return email_link(reverse("account_confirm_email", args=[emailconfirmation.key]))

    def get_reset_password_from_key_url(self, key):
        path = reverse("account_reset_password_from_key", kwargs={"uidb36": "UID", "key": "KEY"})
        return email_link(path.replace("UID-KEY", quote(key)))
