"""Seed the controlled vocabularies with the network's starting lists.

The lists live here, not in a file read at run time, so a fresh database gets the same
terms on every machine; facilitators edit them in the admin afterwards.
"""

from django.db import migrations

SECTORS = [
    ("primary-care", "Primary care", "GP practices and primary care networks (PCNs)"),
    (
        "secondary-mental-health",
        "Secondary mental health care",
        "Community mental health teams (CMHTs) and NHS mental health trusts",
    ),
    ("talking-therapies", "NHS Talking Therapies", "Formerly IAPT"),
    (
        "vcse",
        "Voluntary, community and social enterprise",
        "Charities, community groups and VCSE alliances",
    ),
    ("social-care", "Social care", "Local authority adult social care and social work"),
    ("public-health", "Public health", ""),
    (
        "commissioning",
        "Commissioning and system leadership",
        "Integrated care boards (ICBs) and integrated care systems (ICSs)",
    ),
    ("acute-inpatient", "Inpatient and crisis care", ""),
    ("housing-employment", "Housing and employment support", ""),
    ("lived-experience", "Lived experience and carers", "Experts by experience and peer support"),
    ("research-education", "Research and education", ""),
]

THEMES = [
    ("primary-secondary-integration", "Integrating primary and specialist care"),
    ("neighbourhood-teams", "Place-based neighbourhood teams"),
    ("vcse-partnership", "Voluntary sector partnership and alliances"),
    ("co-production", "Co-production and lived experience leadership"),
    ("access-no-wrong-door", "Access, self-referral and no wrong door"),
    ("care-planning", "Personalised care planning and coordination"),
    ("workforce-new-roles", "Workforce and new roles (ARRS)"),
    ("supervision-culture", "Supervision, training and culture"),
    ("smi-physical-health", "Severe mental illness and physical health"),
    ("complex-emotional-needs", "Complex emotional needs"),
    ("eating-disorders", "Eating disorders"),
    ("community-rehabilitation", "Community rehabilitation"),
    ("older-adults", "Older adults"),
    ("health-inequalities", "Health inequalities and communities of identity"),
    ("prevention-public-health", "Prevention, resilience and public health"),
    ("data-information-sharing", "Data, outcomes and information sharing"),
    ("funding-commissioning", "Funding, commissioning and contracts"),
    ("wider-determinants", "Housing, employment and social needs"),
    ("carers-families", "Carers and families"),
]

REGIONS = [
    ("north-east-yorkshire", "North East and Yorkshire"),
    ("north-west", "North West"),
    ("midlands", "Midlands"),
    ("east-of-england", "East of England"),
    ("london", "London"),
    ("south-east", "South East"),
    ("south-west", "South West"),
    ("national", "England-wide"),
    ("scotland", "Scotland"),
    ("wales", "Wales"),
    ("northern-ireland", "Northern Ireland"),
]

CARE_LEVELS = [
    ("community-wellbeing", "Community wellbeing"),
    ("self-care", "Self care and self help"),
    ("extended-primary-care", "Extended primary care"),
    ("intermediate-care", "Intermediate care"),
    ("secondary-care", "Secondary care"),
    ("tertiary-care", "Tertiary care"),
]


def seed(apps, schema_editor):
    Sector = apps.get_model("network", "Sector")
    Theme = apps.get_model("network", "Theme")
    Region = apps.get_model("network", "Region")
    CareLevel = apps.get_model("network", "CareLevel")
    for order, (slug, name, description) in enumerate(SECTORS):
        Sector.objects.get_or_create(
            slug=slug, defaults={"name": name, "description": description, "sort_order": order}
        )
    for order, (slug, name) in enumerate(THEMES):
        Theme.objects.get_or_create(slug=slug, defaults={"name": name, "sort_order": order})
    for order, (slug, name) in enumerate(REGIONS):
        Region.objects.get_or_create(slug=slug, defaults={"name": name, "sort_order": order})
    for order, (slug, name) in enumerate(CARE_LEVELS):
        CareLevel.objects.get_or_create(slug=slug, defaults={"name": name, "sort_order": order})


class Migration(migrations.Migration):
    dependencies = [("network", "0002_profiles_and_home")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
