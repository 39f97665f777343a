from django.apps import AppConfig


class BlogConfig(AppConfig):
    name = "blog"
    verbose_name = "Blog"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from network import member_data, submissions

        from . import member_data as own_data
        from . import reflections

        submissions.register("reflections", reflections.submissions)
        member_data.register(own_data.SOURCE)
