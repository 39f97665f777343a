from django.apps import AppConfig


class CaseStudiesConfig(AppConfig):
    name = "casestudies"
    verbose_name = "Case studies"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from network import submissions

        from . import suggestions

        submissions.register("case-study-suggestions", suggestions.submissions)
