"""What the search keeps: facilitators' synonyms and counts of what visitors searched for.

Analytics hold no identity: a row per query text and day, so facilitators learn what
people look for and fail to find without the platform recording who asked.
"""

from django.core.exceptions import ValidationError
from django.db import models

from search.language.text import words


class SearchSynonym(models.Model):
    terms = models.CharField(
        max_length=400,
        unique=True,
        help_text=(
            "Words or phrases that mean the same thing, separated by commas, for example "
            "'IAPT, NHS Talking Therapies'. A search for any of them finds all of them."
        ),
    )
    note = models.CharField(max_length=200, blank=True, help_text="Why these belong together")

    class Meta:
        ordering = ["terms"]
        verbose_name = "search synonym"

    def __str__(self):
        return self.terms

    def group(self):
        return [" ".join(words(term)) for term in self.terms.split(",") if words(term)]

    def clean(self):
        if len(self.group()) < 2:
            raise ValidationError(
                {"terms": "Give at least two words or phrases, separated by commas."}
            )


class SearchQueryDay(models.Model):
    query = models.CharField(max_length=200)
    day = models.DateField()
    searches = models.PositiveIntegerField(default=0)
    results = models.PositiveIntegerField(default=0, help_text="Results the last search found")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["query", "day"], name="search_query_per_day")
        ]
        verbose_name = "search query"

    def __str__(self):
        return f"{self.query} ({self.day})"


class SearchClickDay(models.Model):
    query = models.CharField(max_length=200)
    day = models.DateField()
    url = models.CharField(max_length=300)
    title = models.CharField(max_length=300, blank=True)
    clicks = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["query", "day", "url"], name="search_click_per_day")
        ]
        verbose_name = "opened search result"

    def __str__(self):
        return f"{self.query} → {self.url}"


class IndexChangeQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(applied_at__isnull=True)


class IndexChange(models.Model):
    """Something findable changed and the search index must follow.

    Written in the same transaction as the change itself, so the record is as durable as
    the content; a task applies pending records to Elasticsearch in order, and records
    stay pending while the node is down, so nothing is lost during an outage.
    """

    kind = models.CharField(max_length=20)
    object_id = models.PositiveBigIntegerField()
    recorded_at = models.DateTimeField(auto_now_add=True)
    applied_at = models.DateTimeField(null=True, blank=True)

    objects = IndexChangeQuerySet.as_manager()

    class Meta:
        indexes = [models.Index(fields=["applied_at", "id"], name="search_index_change_pending")]
        verbose_name = "search index change"

    def __str__(self):
        return f"{self.kind} {self.object_id}"


class PassageVector(models.Model):
    """One passage of a findable document, as the local language model reads it.

    Kept by the platform rather than the index: Elasticsearch 7.10 as the project runs it
    has no vector field. `text_hash` lets a rebuild reuse the vector of a passage whose
    words have not changed instead of embedding it again.
    """

    document = models.CharField(max_length=40)  # the index's document id, "post-12"
    position = models.PositiveSmallIntegerField()
    text_hash = models.CharField(max_length=32, db_index=True)
    vector = models.BinaryField()  # float32 unit vector

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["document", "position"], name="search_passage_vector")
        ]
        verbose_name = "passage vector"

    def __str__(self):
        return f"{self.document} #{self.position}"
