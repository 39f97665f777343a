"""Give each CMHF theme a short description for its landing page.

Theme pages mix reflections and case studies; a line saying what the theme covers tells a
visitor arriving from a search engine whether they are in the right place. Only blank
descriptions are filled, so wording a facilitator has already written is kept.
"""

from django.db import migrations

DESCRIPTIONS = {
    "primary-secondary-integration": (
        "How GP practices, primary care networks and specialist mental health teams work as "
        "one: shared caseloads, liaison roles and consultation instead of referral letters."
    ),
    "neighbourhood-teams": (
        "Teams built around neighbourhoods of roughly 30,000 to 150,000 people, joining "
        "primary care, specialist care, the voluntary sector and social care in one place."
    ),
    "vcse-partnership": (
        "Working with voluntary, community and social enterprise organisations as equal "
        "partners: alliances, long-term contracts and a fair share of funding for small groups."
    ),
    "co-production": (
        "People with lived experience shaping services from the start, including as experts "
        "by experience on strategic and planning groups."
    ),
    "access-no-wrong-door": (
        "Getting help without being bounced between services: self-referral without a GP "
        "appointment, shared front doors and someone who stays with the person throughout."
    ),
    "care-planning": (
        "Care planned with the person rather than for them, coordinated across the "
        "organisations involved and reviewed as needs change."
    ),
    "workforce-new-roles": (
        "New roles in primary care, such as mental health practitioners, health and "
        "wellbeing coaches and social prescribing link workers, and how teams make them work."
    ),
    "supervision-culture": (
        "Supervision, training and the relationships that let staff from different "
        "organisations and professions trust each other and work together."
    ),
    "smi-physical-health": (
        "Reaching people with severe mental illness, who are least often reached, and "
        "looking after their physical health alongside their mental health."
    ),
    "complex-emotional-needs": (
        "Community support for people with complex emotional needs, often given a "
        "personality disorder diagnosis, without long waits or exclusion."
    ),
    "eating-disorders": (
        "Earlier help for adults with eating disorders, shared between primary care, "
        "community teams and specialist services."
    ),
    "community-rehabilitation": (
        "Rehabilitation close to home for people with longer-term needs, so fewer are "
        "placed far from their families and communities."
    ),
    "older-adults": (
        "Community mental health care for older adults, including people living with "
        "dementia and their carers, without a cut-off at a particular age."
    ),
    "health-inequalities": (
        "Closing gaps in access and outcomes for communities that services reach least, "
        "including ethnic minority and other communities of identity."
    ),
    "prevention-public-health": (
        "Keeping people well before they need services: community wellbeing, resilience and "
        "the public health work that supports it."
    ),
    "data-information-sharing": (
        "Sharing information safely between organisations and measuring what changes, so "
        "that outcomes can be shown and compared."
    ),
    "funding-commissioning": (
        "Joint funding and commissioning across health, social care and the voluntary "
        "sector, and contracts that last long enough for services to settle."
    ),
    "wider-determinants": (
        "Housing, employment, money and social needs, and the partners who help with them "
        "as part of mental health care."
    ),
    "carers-families": (
        "Involving and supporting carers and families, and recognising what they know about "
        "the person they care for."
    ),
}


def describe(apps, schema_editor):
    Theme = apps.get_model("network", "Theme")
    for slug, description in DESCRIPTIONS.items():
        Theme.objects.filter(slug=slug, description="").update(description=description)


class Migration(migrations.Migration):
    dependencies = [("network", "0007_failedemail")]

    operations = [migrations.RunPython(describe, migrations.RunPython.noop)]
