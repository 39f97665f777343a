"""The site, people and pictures of the demo network.

Everything here is invented: the places, trusts, alliances and people do not exist, so
the demo can be shown in public without naming anyone. Facts about how community
mental health care works in England are real; the wording is the project's own.
"""

from .markup import p, ul

SITE_NAME = "Community Mental Health Network"

# Pictures are looked up by title, so renaming one here makes the next run draw it again.
IMAGES = {
    "estuary-morning": (
        "Demo image: Estuary morning",
        ["#1b6f8a", "#f2c14e", "#e76f51", "#2a9d8f"],
        "Soft blue and gold shapes above a green band, like a river mouth at first light",
    ),
    "moorland-path": (
        "Demo image: Moorland path",
        ["#6b705c", "#a5a58d", "#ddbea9", "#3f4238"],
        "Muted greens and heather tones with overlapping circles",
    ),
    "harbour-lights": (
        "Demo image: Harbour lights",
        ["#14213d", "#fca311", "#e5e5e5", "#2b4c7e"],
        "Deep navy background with warm orange and pale grey circles",
    ),
    "market-square": (
        "Demo image: Market square",
        ["#e07a5f", "#3d405b", "#81b29a", "#f2cc8f"],
        "Terracotta, slate and sage shapes meeting in the middle",
    ),
    "allotment-green": (
        "Demo image: Allotment green",
        ["#386641", "#6a994e", "#a7c957", "#f2e8cf"],
        "Layers of fresh greens over a cream background",
    ),
    "city-canal": (
        "Demo image: City canal",
        ["#264653", "#2a9d8f", "#e9c46a", "#f4a261"],
        "Teal water colours with sandy circles and a low band",
    ),
    "hillside-terraces": (
        "Demo image: Hillside terraces",
        ["#5f0f40", "#9a031e", "#fb8b24", "#e36414"],
        "Warm plum and orange bands like terraced houses at sunset",
    ),
    "coastal-path": (
        "Demo image: Coastal path",
        ["#023e8a", "#48cae4", "#caf0f8", "#0077b6"],
        "Bright sea blues fading to white",
    ),
    "river-bridge": (
        "Demo image: River bridge",
        ["#22577a", "#38a3a5", "#57cc99", "#c7f9cc"],
        "Blue to mint gradient crossed by translucent rings",
    ),
    "library-steps": (
        "Demo image: Library steps",
        ["#7f5539", "#b08968", "#ede0d4", "#9c6644"],
        "Warm browns and parchment with stacked circles",
    ),
    "orchard-dawn": (
        "Demo image: Orchard dawn",
        ["#ffb4a2", "#e5989b", "#6d6875", "#b5838d"],
        "Rose and lilac shapes on a pale pink background",
    ),
    "community-garden": (
        "Demo image: Community garden",
        ["#588157", "#dad7cd", "#a3b18a", "#344e41"],
        "Quiet greens with a soft hill line",
    ),
}

PORTRAIT_PALETTES = [
    ["#6d597a", "#b56576", "#eaac8b", "#355070"],
    ["#003049", "#d62828", "#f77f00", "#fcbf49"],
    ["#2d6a4f", "#52b788", "#b7e4c7", "#1b4332"],
    ["#3a0ca3", "#4361ee", "#4cc9f0", "#7209b7"],
    ["#9c6644", "#ddb892", "#7f5539", "#e6ccb2"],
    ["#0b525b", "#1b3a4b", "#65a30d", "#a3e635"],
    ["#bc4749", "#f2e8cf", "#6a994e", "#386641"],
    ["#5e548e", "#9f86c0", "#e0b1cb", "#231942"],
    ["#e76f51", "#264653", "#e9c46a", "#2a9d8f"],
]

HOME = {
    "title": SITE_NAME,
    "slug": "home",
    "introduction": (
        "A shared space for people putting the Community Mental Health Framework into "
        "practice in England. Members from the NHS, general practice, the voluntary sector, "
        "social care, public health and lived experience swap what has worked, what has not, "
        "and the questions they are still wrestling with."
    ),
    "join_heading": "Join the network",
    "join_text": p(
        "Membership is free and open to anyone working on community mental health in "
        "England, and to people who bring their own or a family member's experience of "
        "using services.",
        "Members can:",
    )
    + ul(
        "read and comment on reflections that stay within the network",
        "post their own short reflections, reviewed by a facilitator before they appear",
        "find colleagues by region, sector and interest",
        "suggest a local example for the <b>good-practice case study</b> library",
    ),
    "share_image": "estuary-morning",
    "featured_case_studies": [
        "neighbourhood-teams-across-three-primary-care-networks",
        "voluntary-sector-alliance-first-refusal-for-local-groups",
        "mental-health-practitioners-in-gp-practices",
    ],
}

BLOG_INDEX = {
    "title": "Reflections",
    "slug": "blog",
    "introduction": (
        "Short pieces from members about changing community mental health care: what "
        "they tried, what got in the way and what they would do differently. Some are "
        "written together after network meetings and approved by the members who took part."
    ),
    "share_image": "market-square",
}

CASE_STUDY_INDEX = {
    "title": "Good-practice case studies",
    "slug": "case-studies",
    "introduction": (
        "Local examples of integrated community mental health care, each recorded in the "
        "same fields so they can be filtered and compared: who was involved, what "
        "changed, how it was measured, what helped and what got in the way."
    ),
    "share_image": "river-bridge",
}

COLLECTIVE_AUTHOR = {
    "name": "South West Community Mental Health Knowledge Exchange Network",
    "description": (
        "A regional group of practitioners, managers, voluntary sector leaders and experts "
        "by experience who meet to compare notes on implementing the Community Mental "
        "Health Framework. Its blogs are collated by a facilitator and agreed by the "
        "members who took part."
    ),
}

SERIES = {
    "title": "Reflections from the South West network",
    "slug": "reflections-from-the-south-west-network",
    "description": (
        "A two-part write-up of the South West network's discussions: first the roles "
        "that neighbourhood care depends on, then how organisations learn to work together."
    ),
}

# Accounts get a password only when they are first created; a later run never resets one.
ACCOUNTS = [
    {
        "label": "Administrator",
        "username": "admin",
        "email": "admin@example.org",
        "password": "demo-admin-2026",
        "first_name": "Site",
        "last_name": "Administrator",
        "is_superuser": True,
        "is_staff": True,
        "groups": [],
        "profile": None,
    },
    {
        "label": "Facilitator",
        "username": "facilitator",
        "email": "facilitator@example.org",
        "password": "demo-facilitator-2026",
        "first_name": "Morgan",
        "last_name": "Ellery",
        "is_superuser": False,
        "is_staff": True,
        "groups": ["Facilitators"],
        "profile": "morgan-ellery",
    },
    {
        "label": "Member",
        "username": "member",
        "email": "member@example.org",
        "password": "demo-member-2026",
        "first_name": "Sam",
        "last_name": "Trelawney",
        "is_superuser": False,
        "is_staff": False,
        "groups": ["Members"],
        "profile": "sam-trelawney",
    },
]

# Sector, region and interest values are slugs from network/migrations/0003_seed_taxonomy.py.
PROFILES = [
    {
        "slug": "morgan-ellery",
        "name": "Morgan Ellery",
        "role": "Network facilitator",
        "organisation": "Westmoor University knowledge mobilisation team",
        "sector": "research-education",
        "region": "south-west",
        "interests": ["co-production", "supervision-culture", "neighbourhood-teams"],
        "visibility": "public",
        "photo": True,
        "bio": (
            "Runs the network's meetings, collates group discussions into blogs that "
            "members approve, and looks after the case study library. Previously managed "
            "a community rehabilitation service. Happy to hear from anyone who has a local "
            "example worth writing up."
        ),
    },
    {
        "slug": "sam-trelawney",
        "name": "Sam Trelawney",
        "role": "Community connector",
        "organisation": "Harbourside Wellbeing Collective",
        "sector": "vcse",
        "region": "south-west",
        "interests": ["vcse-partnership", "health-inequalities"],
        "visibility": "members",
        "photo": False,
        "bio": (
            "Helps people leaving secondary care find groups, activities and peer spaces "
            "near home. Joined the network to learn how other areas link community "
            "connectors with their neighbourhood mental health teams."
        ),
    },
    {
        "slug": "priya-raman",
        "name": "Priya Raman",
        "role": "Mental health practitioner (ARRS)",
        "organisation": "Northvale Primary Care Network",
        "sector": "primary-care",
        "region": "south-west",
        "interests": ["workforce-new-roles", "primary-secondary-integration"],
        "visibility": "public",
        "photo": True,
        "bio": (
            "A mental health nurse by background, now working across four GP practices in "
            "a role shared between the primary care network and the local trust. Interested "
            "in supervision for new roles and in keeping people from being passed between "
            "services."
        ),
    },
    {
        "slug": "tom-aldridge",
        "name": "Tom Aldridge",
        "role": "Community mental health team manager",
        "organisation": "Westcombe Partnership NHS Foundation Trust",
        "sector": "secondary-mental-health",
        "region": "south-west",
        "interests": ["access-no-wrong-door", "neighbourhood-teams", "care-planning"],
        "visibility": "public",
        "photo": True,
        "bio": (
            "Manages the Eastmoor locality team, which moved to self-referral in 2023. "
            "Spends a lot of time in meetings with GP practices and voluntary groups and "
            "believes most of the progress has come from those conversations rather than "
            "from new structures."
        ),
    },
    {
        "slug": "grace-oduya",
        "name": "Grace Oduya",
        "role": "Chief officer",
        "organisation": "Harbourside Voluntary Sector Mental Health Alliance",
        "sector": "vcse",
        "region": "south-east",
        "interests": ["vcse-partnership", "funding-commissioning", "health-inequalities"],
        "visibility": "public",
        "photo": True,
        "bio": (
            "Leads an alliance of twenty-two charities and community groups, from a "
            "national charity's local branch to a three-person peer support group. Keen "
            "to talk to anyone designing contracts that give small organisations a fair "
            "share of the work."
        ),
    },
    {
        "slug": "daniel-whitlock",
        "name": "Daniel Whitlock",
        "role": "Peer support worker and expert by experience",
        "organisation": "Kestrel Vale Lived Experience Board",
        "sector": "lived-experience",
        "region": "south-west",
        "interests": ["co-production", "care-planning"],
        "visibility": "public",
        "photo": True,
        "bio": (
            "Uses his own experience of psychosis and recovery in peer work and sits on "
            "the local community mental health strategy group. Writes about what "
            "co-production looks like when it is done well, and when it is a tick box."
        ),
    },
    {
        "slug": "fiona-mcbride",
        "name": "Fiona McBride",
        "role": "Senior social worker, adult mental health",
        "organisation": "Brackenfold Council adult social care",
        "sector": "social-care",
        "region": "north-west",
        "interests": ["care-planning", "wider-determinants", "neighbourhood-teams"],
        "visibility": "public",
        "photo": False,
        "bio": (
            "Approved mental health professional and practice lead for social workers "
            "in two integrated teams. Particularly interested in how social care "
            "assessments fit alongside clinical care plans."
        ),
    },
    {
        "slug": "samir-haddad",
        "name": "Samir Haddad",
        "role": "GP partner and PCN clinical director",
        "organisation": "Ashbourne Road Surgery, Riverside Primary Care Network",
        "sector": "primary-care",
        "region": "midlands",
        "interests": ["primary-secondary-integration", "workforce-new-roles"],
        "visibility": "public",
        "photo": True,
        "bio": (
            "General practitioner for fifteen years and clinical director of a primary "
            "care network covering about 48,000 people. Wants primary care to have a "
            "louder voice in community mental health planning."
        ),
    },
    {
        "slug": "helen-cartwright",
        "name": "Helen Cartwright",
        "role": "Programme lead, community mental health transformation",
        "organisation": "Fellside and Dales Integrated Care Board",
        "sector": "commissioning",
        "region": "north-east-yorkshire",
        "interests": ["funding-commissioning", "data-information-sharing", "vcse-partnership"],
        "visibility": "public",
        "photo": False,
        "bio": (
            "Leads the integrated care board's community mental health programme. Before "
            "that she commissioned voluntary sector services for a local authority, which "
            "left her with strong views on short contracts."
        ),
    },
    {
        "slug": "amara-nwosu",
        "name": "Amara Nwosu",
        "role": "High intensity therapist and pathway lead",
        "organisation": "Lambridge NHS Talking Therapies",
        "sector": "talking-therapies",
        "region": "london",
        "interests": ["access-no-wrong-door", "primary-secondary-integration"],
        "visibility": "public",
        "photo": True,
        "bio": (
            "Cognitive behavioural therapist who now spends half her time on the pathway "
            "between Talking Therapies and the community mental health team, making sure "
            "people who need more than one service are not left in between."
        ),
    },
    {
        "slug": "rhys-morgan",
        "name": "Rhys Morgan",
        "role": "Public health principal, mental wellbeing",
        "organisation": "Saltmarsh County Council public health team",
        "sector": "public-health",
        "region": "east-of-england",
        "interests": ["prevention-public-health", "health-inequalities"],
        "visibility": "public",
        "photo": False,
        "bio": (
            "Commissions suicide prevention and community wellbeing work. Interested in "
            "projects that do prevention and recovery at the same time and in how to "
            "evaluate them without burying small groups in paperwork."
        ),
    },
    {
        "slug": "beth-lawson",
        "name": "Beth Lawson",
        "role": "Social prescribing link worker",
        "organisation": "Downland Community Action",
        "sector": "vcse",
        "region": "south-east",
        "interests": ["wider-determinants", "prevention-public-health"],
        "visibility": "members",
        "photo": False,
        "bio": (
            "Hosted by a local charity and based in two GP practices. Connects people "
            "with debt advice, walking groups, volunteering and peer support, and asks "
            "the mental health team for advice when she is worried about someone."
        ),
    },
    {
        "slug": "joseph-kaye",
        "name": "Joseph Kaye",
        "role": "Researcher in residence",
        "organisation": "Westmoor University applied health research unit",
        "sector": "research-education",
        "region": "south-west",
        "interests": ["neighbourhood-teams", "supervision-culture", "data-information-sharing"],
        "visibility": "public",
        "photo": True,
        "bio": (
            "Spent two years embedded in neighbourhood mental health teams, observing "
            "meetings and interviewing staff to understand what makes joint working "
            "stick. Now writing up the findings with the teams involved."
        ),
    },
    {
        "slug": "maria-santos",
        "name": "Maria Santos",
        "role": "Employment specialist (individual placement and support)",
        "organisation": "Lambridge Works",
        "sector": "housing-employment",
        "region": "london",
        "interests": ["wider-determinants", "community-rehabilitation"],
        "visibility": "members",
        "photo": False,
        "bio": (
            "Supports people using community mental health services into paid work and "
            "keeps in touch with employers once they start. Joined the network to argue "
            "that employment belongs in the care plan from the first conversation."
        ),
    },
    {
        "slug": "colin-ferris",
        "name": "Colin Ferris",
        "role": "Community psychiatric nurse, older adults",
        "organisation": "Fenbridge Community Mental Health Service",
        "sector": "secondary-mental-health",
        "region": "east-of-england",
        "interests": ["older-adults", "smi-physical-health", "carers-families"],
        "visibility": "public",
        "photo": False,
        "bio": (
            "Works with older adults across a large rural patch and acts as the named link "
            "for six GP practices. Cares a great deal about physical health checks and "
            "about carers who are older themselves."
        ),
    },
    {
        "slug": "nadia-chowdhury",
        "name": "Nadia Chowdhury",
        "role": "Carer representative and lived experience co-chair",
        "organisation": "Riverside Carers Forum",
        "sector": "lived-experience",
        "region": "midlands",
        "interests": ["co-production", "carers-families", "health-inequalities"],
        "visibility": "public",
        "photo": True,
        "bio": (
            "Has cared for a family member with severe mental illness for many years and "
            "co-chairs the local community mental health partnership board. Interested in "
            "how services hear from families whose first language is not English."
        ),
    },
    {
        "slug": "owen-price",
        "name": "Owen Price",
        "role": "Crisis and home treatment practitioner",
        "organisation": "Fellside and Dales Mental Health Trust",
        "sector": "acute-inpatient",
        "region": "north-east-yorkshire",
        "interests": ["care-planning", "primary-secondary-integration"],
        "visibility": "members",
        "photo": False,
        "bio": (
            "Works in the crisis team and wants better hand-offs between crisis care, "
            "community teams and the voluntary sector so that people do not have to tell "
            "their story again at every step."
        ),
    },
    {
        "slug": "leah-brennan",
        "name": "Leah Brennan",
        "role": "Health and wellbeing coach (ARRS)",
        "organisation": "Brackenfold North Primary Care Network",
        "sector": "primary-care",
        "region": "north-west",
        "interests": ["workforce-new-roles", "smi-physical-health"],
        "visibility": "hidden",
        "photo": False,
        "bio": (
            "Coaches people with long-term conditions, including people with severe "
            "mental illness, on goals they choose themselves. Prefers to keep her profile "
            "private while she is new to the network."
        ),
    },
    {
        "slug": "ruth-ellison",
        "name": "Ruth Ellison",
        "role": "Clinical psychologist, complex emotional needs",
        "organisation": "Downland Partnership NHS Trust",
        "sector": "secondary-mental-health",
        "region": "south-east",
        "interests": ["complex-emotional-needs", "supervision-culture"],
        "visibility": "hidden",
        "photo": False,
        "bio": (
            "Leads reflective practice groups for staff in neighbourhood teams who work "
            "with people with complex emotional needs. Reads more than she posts."
        ),
    },
    {
        "slug": "kwame-mensah",
        "name": "Kwame Mensah",
        "role": "Community development worker",
        "organisation": "Eastfield African and Caribbean Wellbeing Group",
        "sector": "vcse",
        "region": "south-east",
        "interests": ["health-inequalities", "vcse-partnership", "co-production"],
        "visibility": "public",
        "photo": True,
        "bio": (
            "Works for a small grassroots group that runs peer spaces and family "
            "sessions. Part of a local alliance where smaller groups are offered new work "
            "first, and happy to share how that has changed the group's relationship with "
            "the NHS."
        ),
    },
]


# (page slug, comment, status): posted by the demo member account.
COMMENTS = [
    (
        "self-referral-six-months-in",
        (
            "We saw the same drop in rejected referrals once people could contact us directly. "
            "Did you need extra triage capacity in the first few months?"
        ),
        "published",
    ),
    (
        "neighbourhood-teams-across-three-primary-care-networks",
        (
            "The shared register is the part our practices keep asking about. **How** did you "
            "agree who could see what?"
        ),
        "published",
    ),
    (
        "a-year-as-a-pcn-mental-health-practitioner",
        (
            "Supervision across two employers is our sticking point too; thank you for writing "
            "this up."
        ),
        "pending",
    ),
]
