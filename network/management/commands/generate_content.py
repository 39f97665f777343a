"""``manage.py generate_content``: synthetic content at scale for benchmarks."""

from django.core.management.base import BaseCommand, CommandError

from blog.models import BlogIndexPage
from network.demo.synthetic import ContentGenerator


class Command(BaseCommand):
    help = (
        "Generate realistic synthetic blog posts, case studies, member profiles and comments "
        "under the demo site (run load_demo first) and report the rate."
    )

    def add_arguments(self, parser):
        parser.add_argument("--posts", type=int, default=0)
        parser.add_argument("--case-studies", type=int, default=0)
        parser.add_argument("--members", type=int, default=0)
        parser.add_argument("--no-comments", action="store_true")
        parser.add_argument("--no-index", action="store_true", help="Skip the search index")
        parser.add_argument("--seed", type=int, default=2026)

    def handle(self, *args, **options):
        if min(options["posts"], options["case_studies"], options["members"]) < 0:
            raise CommandError("Counts must be zero or more.")
        if not BlogIndexPage.objects.exists():
            raise CommandError("No blog to add posts to: run `manage.py load_demo` first.")
        report = ContentGenerator(seed=options["seed"], index=not options["no_index"]).run(
            posts=options["posts"],
            case_studies=options["case_studies"],
            members=options["members"],
            comments=not options["no_comments"],
        )
        made = ", ".join(f"{count} {kind}" for kind, count in report.created.items() if count)
        self.stdout.write(
            f"Generated {made or 'nothing'} in {report.seconds:.1f} s "
            f"({report.rate:,.0f} items a second)."
        )
