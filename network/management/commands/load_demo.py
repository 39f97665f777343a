"""``manage.py load_demo``: fill an empty site with a believable network to explore.

Developers, reviewers and tests need the same realistic content without copying a
database around; the data lives in ``network.demo`` and is safe to load repeatedly.
"""

import logging
from contextlib import contextmanager

from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse

from network.demo import content
from network.demo.loader import DemoDataError, DemoLoader
from network.platform.site_address import site_url

# Wagtail logs every page event and django-tasks every search-index task at INFO level;
# dozens of those lines per page would bury the summary people need.
CHATTY_LOGGERS = ("wagtail", "django_tasks")


@contextmanager
def quiet_loggers(names, level=logging.WARNING):
    loggers = [logging.getLogger(name) for name in names]
    previous = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(level)
    try:
        yield
    finally:
        for logger, old_level in zip(loggers, previous, strict=True):
            logger.setLevel(old_level)


class Command(BaseCommand):
    help = (
        "Load demo content: a home page, reflections, case studies, member profiles and "
        "demo accounts. Existing items are left as they are, so it is safe to run again."
    )

    def handle(self, *args, **options):
        verbose = options["verbosity"] >= 2
        log = (lambda message: self.stdout.write(f"  {message}")) if verbose else None
        chatty = () if verbose else CHATTY_LOGGERS
        try:
            with quiet_loggers(chatty):
                loader = DemoLoader(log=log).run()
        except DemoDataError as error:
            raise CommandError(str(error)) from error

        if loader.created:
            made = ", ".join(f"{count} {kind}" for kind, count in sorted(loader.created.items()))
            self.stdout.write(self.style.SUCCESS(f"Demo content loaded: created {made}."))
        else:
            self.stdout.write(self.style.SUCCESS("Demo content already present; nothing new."))
        if loader.existing:
            kept = ", ".join(f"{count} {kind}" for kind, count in sorted(loader.existing.items()))
            self.stdout.write(f"Already present and left unchanged: {kept}.")

        # Sign-in asks for an email address, so that is what is printed (and in the README).
        self.stdout.write(
            f"Demo logins at {site_url()}{reverse('account_login')} "
            "(passwords are only set when an account is created):"
        )
        for account in content.ACCOUNTS:
            self.stdout.write(
                f"  {account['label']:<14} email {account['email']:<26} "
                f"password {account['password']}"
            )
