from django.apps import AppConfig


def latest_posts(home_page, request):
    from .models import BlogPage

    return BlogPage.objects.visible_to(request.user).for_listing()[:3]


class BlogConfig(AppConfig):
    name = "blog"
    verbose_name = "Blog"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from network import digests, following, home, member_data, page_cache, reviewed, submissions

        from . import digest_source, reflections
        from . import member_data as own_data
        from .models import BlogIndexPage, BlogPage, BlogSeries, CollectiveAuthor
        from .moderation import FacilitatorReviewTask

        reviewed.register("blog", BlogIndexPage, BlogPage)
        reviewed.register_task(FacilitatorReviewTask)
        page_cache.watch(BlogSeries, CollectiveAuthor)
        home.register("latest_posts", latest_posts)
        submissions.register("reflections", reflections.submissions)
        member_data.register(own_data.SOURCE)
        following.register("series", BlogSeries, "Blog series")
        digests.register_source("blog", digest_source.published_between)
