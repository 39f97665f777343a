"""What goes through facilitator review, registered by the content apps that use it.

Each app names its section (the index page whose pages are reviewed) and its page type;
the blog app also supplies the review task every section shares. The network's roles,
admin hooks and dashboard read them from here instead of importing the apps.
"""

_sections = {}
_task = []


def register(name, section_model, page_model):
    _sections[name] = (section_model, page_model)


def register_task(task_model):
    _task[:] = [task_model]


def section_models():
    return tuple(section for section, _page in _sections.values())


def page_models():
    return {name: page for name, (_section, page) in _sections.items()}


def task_model():
    if not _task:
        raise LookupError("No facilitator review task registered: is the blog app installed?")
    return _task[0]
