from django.apps import AppConfig


class CaseStudiesConfig(AppConfig):
    name = "casestudies"
    verbose_name = "Case studies"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from network import member_data, submissions

        from . import member_data as own_data
        from . import suggestions

        submissions.register("case-study-suggestions", suggestions.submissions)
        member_data.register(own_data.SOURCE)
