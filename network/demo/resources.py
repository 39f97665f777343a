"""Demo resources: generated PDFs with real text, one members-only, one a "scan".

Each document's pages are written as a PDF when the demo loads (network/demo/pdfs.py),
so search can find a word on page 3 of a report and say so. The scanned report has pages
but no words, as a photocopied document would, and shows as "text not searchable".
"""

RESOURCE_INDEX = {
    "title": "Resource library",
    "slug": "resources",
    "introduction": (
        "Guides, evaluation reports, templates, policies and slides shared across the "
        "network. Search reads the words inside each document."
    ),
}

RESOURCES = [
    {
        "slug": "guide-setting-up-a-voluntary-sector-alliance",
        "title": "Setting up a voluntary sector alliance: a guide",
        "summary": "How local charities and community groups formed one alliance to hold "
        "Framework funding, from the first meeting to the grant agreement.",
        "document_type": "guide",
        "publisher": "Community Mental Health Network",
        "year": 2024,
        "audience": "public",
        "themes": ["vcse-partnership", "funding-commissioning"],
        "sectors": ["vcse", "commissioning"],
        "region": "national",
        "file": "voluntary-sector-alliance-guide.pdf",
        "pages": [
            (
                "Setting up a voluntary sector alliance\nA guide for areas using Community "
                "Mental Health Framework funding."
            ),
            (
                "Why an alliance\nSmall organisations often bid against each other for the same "
                "money. An alliance lets them agree who does what, speak to the NHS with one "
                "voice and share the work of monitoring."
            ),
            (
                "Agreeing the rules\nMost alliances give local groups first refusal on new "
                "grants before the work goes out to open tender. Write down how a dispute is "
                "settled before the first one happens."
            ),
            (
                "The grant agreement\nThe lead organisation holds the agreement with the trust "
                "and passes funds to members under a memorandum of understanding."
            ),
        ],
    },
    {
        "slug": "evaluation-self-referral-first-year",
        "title": "Self-referral to community mental health services: first-year evaluation",
        "summary": "What happened to waiting times, referral routes and GP workload in the "
        "first twelve months of accepting self-referrals.",
        "document_type": "evaluation",
        "publisher": "North West community mental health partnership",
        "year": 2025,
        "audience": "public",
        "themes": ["access-no-wrong-door", "data-information-sharing"],
        "sectors": ["secondary-mental-health", "primary-care"],
        "region": "north-west",
        "file": "self-referral-evaluation.pdf",
        "case_study": "self-referral-to-community-mental-health-services",
        "pages": [
            "Self-referral to community mental health services\nFirst-year evaluation.",
            (
                "Method\nWe compared referrals for the year before and the year after the online "
                "self-referral form opened, and interviewed staff in six GP practices."
            ),
            (
                "Findings\nThe median wait from referral to first contact fell from 41 to 19 "
                "days. A third of people referred themselves. Practices reported fewer "
                "appointments booked only to ask for a referral."
            ),
            (
                "What we would change\nPeople who referred themselves wanted a text message "
                "when their form was received. Triage capacity must grow before publicity does."
            ),
            "Appendix\nReferral counts by month and by route.",
        ],
    },
    {
        "slug": "template-joint-care-meeting-agenda",
        "title": "Joint care meeting agenda and notes template",
        "summary": "A one-page agenda and a notes form for monthly meetings between a "
        "practice, the community team and voluntary sector partners.",
        "document_type": "template",
        "publisher": "Community Mental Health Network",
        "year": 2025,
        "audience": "members",
        "themes": ["care-planning", "primary-secondary-integration"],
        "sectors": ["primary-care", "vcse"],
        "region": "",
        "file": "joint-care-meeting-template.pdf",
        "pages": [
            (
                "Joint care meeting agenda\n1. People discussed last month: what happened next.\n"
                "2. New people the practice is worried about.\n3. Offers from voluntary sector "
                "partners this month."
            ),
            (
                "Notes form\nFor each person: who leads, what was agreed, and the date to check "
                "back. Record consent to share information before the meeting."
            ),
        ],
    },
    {
        "slug": "slides-neighbourhood-teams-one-year-on",
        "title": "Neighbourhood teams one year on: meeting slides",
        "summary": "The slides from three areas' talks on their first year of "
        "neighbourhood mental health teams.",
        "document_type": "slides",
        "publisher": "Community Mental Health Network",
        "year": 2025,
        "audience": "public",
        "themes": ["neighbourhood-teams"],
        "sectors": ["secondary-mental-health", "primary-care"],
        "region": "",
        "file": "neighbourhood-teams-slides.pdf",
        "event": "network-meeting-neighbourhood-teams-one-year-on",
        "pages": [
            "Neighbourhood teams one year on\nNetwork meeting slides.",
            (
                "Area one\nOne team for each primary care network; shared caseload reviews "
                "every fortnight."
            ),
            (
                "Area two\nPeer support workers joined each team in month four. Did not attend "
                "rates for first appointments halved."
            ),
            (
                "Area three\nWe underestimated the time needed to agree information sharing "
                "between the trust and practices."
            ),
        ],
    },
    {
        "slug": "partnership-working-scottish-mental-health-services-scan",
        "title": "Partnership working in Scottish mental health services (scanned copy)",
        "summary": "A 2001 survey of primary care trusts on joining up health and social "
        "care for people with severe mental illness; a scanned paper copy.",
        "document_type": "evaluation",
        "publisher": "University of Glasgow",
        "year": 2001,
        "audience": "public",
        "themes": ["primary-secondary-integration", "smi-physical-health"],
        "sectors": ["research-education", "social-care"],
        "region": "scotland",
        "file": "partnership-working-scan.pdf",
        # Pages with no words: what a photocopier makes of a paper report.
        "pages": ["", "", ""],
    },
]
