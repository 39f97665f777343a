from .discussion import Comment, CommentStatus, Report, ReportReason
from .email import FailedEmail
from .following import (
    Digest,
    DigestFrequency,
    DigestStatus,
    EmailPreferences,
    Follow,
    Immediate,
    Notification,
    NotificationKind,
)
from .information import ContactMessage, ContactTopic, InformationPage
from .joining import ApplicationStatus, Invitation, MembershipApplication
from .members import MemberProfile, User, Visibility
from .pages import HomePage, HomePageFeaturedCaseStudy
from .taxonomy import CareLevel, Region, Sector, Theme

__all__ = [
    "ApplicationStatus",
    "CareLevel",
    "Comment",
    "CommentStatus",
    "ContactMessage",
    "ContactTopic",
    "Digest",
    "DigestFrequency",
    "DigestStatus",
    "EmailPreferences",
    "FailedEmail",
    "Follow",
    "HomePage",
    "HomePageFeaturedCaseStudy",
    "Immediate",
    "InformationPage",
    "Invitation",
    "MemberProfile",
    "MembershipApplication",
    "Notification",
    "NotificationKind",
    "Region",
    "Report",
    "ReportReason",
    "Sector",
    "Theme",
    "User",
    "Visibility",
]
