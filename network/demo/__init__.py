"""Demo content for trying the platform out, loaded by ``manage.py load_demo``.

It lives apart from the apps' code so the data can be rewritten without touching models
or migrations, and so nothing in production depends on it.
"""
