from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    label = "network_search"
    verbose_name = "Search"

    def ready(self):
        from search import signals

        signals.connect()
