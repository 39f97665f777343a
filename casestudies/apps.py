from django.apps import AppConfig


def featured_case_studies(home_page, request):
    """The case studies the home page's editor chose, in their order, that the reader may see."""
    from .models import CaseStudyPage

    featured_ids = [item.case_study_id for item in home_page.featured_case_studies.all()]
    featured = (
        CaseStudyPage.objects.visible_to(request.user).filter(pk__in=featured_ids).for_listing()
    )
    order = {pk: index for index, pk in enumerate(featured_ids)}
    return sorted(featured, key=lambda page: order[page.pk])


class CaseStudiesConfig(AppConfig):
    name = "casestudies"
    verbose_name = "Case studies"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from network.members import member_data
        from network.moderation import registry as reviewed
        from network.moderation import submissions
        from network.notifications import digests
        from network.pages import home, index_pages

        from . import member_data as own_data
        from . import suggestions
        from .models import CaseStudyIndexPage, CaseStudyPage

        reviewed.register("case_study", CaseStudyIndexPage, CaseStudyPage)
        home.register("featured_case_studies", featured_case_studies)
        index_pages.register("case_studies", CaseStudyIndexPage)
        submissions.register("case-study-suggestions", suggestions.SUGGESTIONS.submissions)
        member_data.register(own_data.SOURCE)
        digests.register_source("casestudies", CaseStudyPage.objects.published_between)
