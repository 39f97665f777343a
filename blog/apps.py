from django.apps import AppConfig


class BlogConfig(AppConfig):
    name = "blog"
    verbose_name = "Blog"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from network import digests, following, member_data, submissions

        from . import digest_source, reflections
        from . import member_data as own_data
        from .models import BlogSeries

        submissions.register("reflections", reflections.submissions)
        member_data.register(own_data.SOURCE)
        following.register("series", BlogSeries, "Blog series")
        digests.register_source("blog", digest_source.published_between)
