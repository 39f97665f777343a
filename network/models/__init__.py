from .discussion import Comment, CommentStatus, Report, ReportReason
from .email import FailedEmail
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
    "FailedEmail",
    "HomePage",
    "HomePageFeaturedCaseStudy",
    "InformationPage",
    "Invitation",
    "MemberProfile",
    "MembershipApplication",
    "Region",
    "Report",
    "ReportReason",
    "Sector",
    "Theme",
    "User",
    "Visibility",
]
