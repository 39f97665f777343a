from .joining import ApplicationStatus, Invitation, MembershipApplication
from .members import MemberProfile, User, Visibility
from .pages import HomePage, HomePageFeaturedCaseStudy
from .taxonomy import CareLevel, Region, Sector, Theme

__all__ = [
    "ApplicationStatus",
    "CareLevel",
    "HomePage",
    "HomePageFeaturedCaseStudy",
    "Invitation",
    "MemberProfile",
    "MembershipApplication",
    "Region",
    "Sector",
    "Theme",
    "User",
    "Visibility",
]
