from django.apps import AppConfig


def latest_posts(home_page, request):
    from .models import BlogPage

    return BlogPage.objects.visible_to(request.user).for_listing()[:3]


class BlogConfig(AppConfig):
    name = "blog"
    verbose_name = "Blog"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from network.members import member_data
        from network.moderation import registry as reviewed
        from network.moderation import submissions
        from network.notifications import digests, following
        from network.pages import home, index_pages
        from network.platform import content_versions

        from . import member_data as own_data
        from . import reflections
        from .models import BlogIndexPage, BlogPage, BlogSeries, CollectiveAuthor
        from .moderation import FacilitatorReviewTask

        reviewed.register("blog", BlogIndexPage, BlogPage)
        reviewed.register_task(FacilitatorReviewTask)
        content_versions.watch(BlogSeries, CollectiveAuthor)
        home.register("latest_posts", latest_posts)
        index_pages.register("blog", BlogIndexPage)
        submissions.register("reflections", reflections.REFLECTIONS.submissions)
        member_data.register(own_data.SOURCE)
        following.register("series", BlogSeries, "Blog series")
        digests.register_source("blog", BlogPage.objects.published_between)
