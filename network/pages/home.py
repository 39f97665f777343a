"""What the home page shows from each content app, registered by the app itself.

The home page lives in the network core, which names no content type; each content app
adds its own section (the latest reflections, featured case studies, what is coming up)
from its AppConfig.ready(), as ``register(name, build)`` with ``build(home, request)``
returning what the template shows under that name.
"""

_sections = {}


def register(name, build):
    _sections[name] = build


def sections(home, request):
    return {name: build(home, request) for name, build in _sections.items()}
