"""Fixed vocabularies from the integration literature.

These are ordered scales a case study is placed on, not lists facilitators grow, so they
are enumerations; their order (loosest to tightest relationship) carries meaning.
"""

from django.db import models


class IntegrationType(models.TextChoices):
    HORIZONTAL = "horizontal", "Horizontal (organisations at the same level)"
    VERTICAL = "vertical", "Vertical (between levels of care)"
    BOTH = "both", "Horizontal and vertical"


class RelationshipType(models.TextChoices):
    TAKING_INTO_ACCOUNT = "taking-into-account", "Taking into account"
    DIALOGUE = "dialogue", "Dialogue"
    JOINT_PROJECT = "joint-project", "Joint project"
    JOINT_VENTURE = "joint-venture", "Joint venture"
    SATELLITE = "satellite", "Satellite"
    STRATEGIC_ALLIANCE = "strategic-alliance", "Strategic alliance"
    FEDERATION = "federation", "Federation"
    MERGER = "merger", "Merger"


class InterfaceModel(models.TextChoices):
    SHIFTED_OUTPATIENT = "shifted-outpatient", "Shifted outpatient clinics"
    LIAISON_ATTACHMENT = "liaison-attachment", "Liaison attachment"
    CONSULTATION = "consultation", "Consultation (advice and training to primary care)"
    INTEGRATED_WORKING = "integrated-working", "Integrated working (joint register and practice)"


class Status(models.TextChoices):
    PILOT = "pilot", "Pilot"
    ESTABLISHED = "established", "Established"
    ENDED = "ended", "Ended"


class Setting(models.TextChoices):
    URBAN = "urban", "Urban"
    RURAL = "rural", "Rural"
    MIXED = "mixed", "Mixed urban and rural"
    COASTAL = "coastal", "Coastal"
    SYSTEM_WIDE = "system-wide", "Whole integrated care system"


class PartnerRole(models.TextChoices):
    LEAD = "lead", "Lead organisation"
    DELIVERY = "delivery", "Delivery partner"
    COMMISSIONER = "commissioner", "Commissioner"
    FUNDER = "funder", "Funder"
    EVALUATION = "evaluation", "Evaluation partner"
    ADVISORY = "advisory", "Advisory or lived experience partner"
