from django.apps import AppConfig


class CaseStudiesConfig(AppConfig):
    name = "casestudies"
    verbose_name = "Case studies"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from network import digests, member_data, submissions

        from . import digest_source, suggestions
        from . import member_data as own_data

        submissions.register("case-study-suggestions", suggestions.submissions)
        member_data.register(own_data.SOURCE)
        digests.register_source("casestudies", digest_source.published_between)
