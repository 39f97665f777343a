"""Demo events: two coming up, one for members only, and one that has happened.

Dates are days from the day the demo is loaded, so the listing always has both upcoming
and past events to show.
"""

EVENT_INDEX = {
    "title": "Events",
    "slug": "events",
    "introduction": (
        "Network meetings, webinars, learning sets and workshops. Members book a place from "
        "each event's page; online joining links go to those with a place."
    ),
}

EVENTS = [
    {
        "slug": "network-meeting-neighbourhood-teams-one-year-on",
        "title": "Network meeting: neighbourhood teams one year on",
        "summary": "Three areas share what changed in the first year of neighbourhood "
        "mental health teams, and what they would do differently.",
        "kind": "network-meeting",
        "format": "online",
        "days_ahead": 9,
        "hour": 10,
        "hours": 1.5,
        "capacity": 80,
        "themes": ["neighbourhood-teams", "access-no-wrong-door"],
        "sectors": ["secondary-mental-health", "primary-care"],
        "audience": "public",
        "description": "<p>Each area speaks for ten minutes, then we open it up. Bring the "
        "question you most want answered.</p>",
    },
    {
        "slug": "workshop-co-producing-your-evaluation",
        "title": "Workshop: co-producing your evaluation",
        "summary": "A half day on planning an evaluation with people who use services, "
        "from the questions to the write-up.",
        "kind": "workshop",
        "format": "in-person",
        "venue": "Riverside Community Centre",
        "address": "12 Quay Street\nBristol\nBS1 4DJ",
        "days_ahead": 23,
        "region": "south-west",
        "hour": 13,
        "hours": 3.5,
        "capacity": 24,
        "themes": ["co-production", "data-information-sharing"],
        "sectors": ["vcse", "lived-experience"],
        "audience": "public",
        "description": "<p>Lunch from 12:30. The room is step-free and has a hearing loop.</p>",
    },
    {
        "slug": "learning-set-supervision-across-organisations",
        "title": "Learning set: supervision across organisations",
        "summary": "A closed learning set for members running joint supervision between NHS "
        "and voluntary sector staff.",
        "kind": "learning-set",
        "format": "online",
        "days_ahead": 16,
        "hour": 14,
        "hours": 1,
        "capacity": 12,
        "themes": ["supervision-culture"],
        "sectors": ["vcse", "secondary-mental-health"],
        "audience": "members",
        "description": "<p>We agree ground rules at the start; what is said stays in the set.</p>",
    },
    {
        "slug": "webinar-commissioning-the-voluntary-sector",
        "title": "Webinar: commissioning the voluntary sector well",
        "summary": "Commissioners and voluntary sector leads on grants, contracts and "
        "alliance agreements.",
        "kind": "webinar",
        "format": "online",
        "days_ahead": -21,
        "hour": 12,
        "hours": 1,
        "capacity": None,
        "themes": ["funding-commissioning"],
        "sectors": ["vcse", "commissioning"],
        "audience": "public",
        "description": "<p>A lunchtime webinar with three short talks.</p>",
        "notes": "<p>The speakers agreed that multi-year funding mattered more than the "
        "form of the agreement.</p>",
        "slides_url": "https://example.org/slides/commissioning-vcse.pdf",
    },
]
