from .members import MemberProfile, User, Visibility
from .pages import HomePage, HomePageFeaturedCaseStudy
from .taxonomy import CareLevel, Region, Sector, Theme

__all__ = [
    "CareLevel",
    "HomePage",
    "HomePageFeaturedCaseStudy",
    "MemberProfile",
    "Region",
    "Sector",
    "Theme",
    "User",
    "Visibility",
]
