"""Demo good-practice case studies, with every comparable field filled in.

They are spread across regions, settings, statuses and the integration scales on
purpose, so every filter and the compare view have something to show. ``reviewed_months_ago``
is relative to the day the demo is loaded, so "review due" shows on the same two case
studies whenever the demo is installed.
"""

import datetime

from .markup import p, ul

CASE_STUDIES = [
    {
        "slug": "neighbourhood-teams-across-three-primary-care-networks",
        "title": "Neighbourhood mental health teams across three primary care networks",
        "summary": (
            "A trust, three primary care networks and a voluntary sector alliance formed "
            "neighbourhood teams around each network, with a single locality manager and one "
            "weekly meeting where care is agreed together."
        ),
        "place": "Northvale and Kestrel Vale",
        "population_covered": 142_000,
        "setting": "mixed",
        "status": "established",
        "integration_type": "both",
        "relationship_type": "federation",
        "interface_model": "integrated-working",
        "care_levels": ["community-wellbeing", "extended-primary-care", "secondary-care"],
        "problem": p(
            "Adults with moderate to severe mental health needs were referred between GP "
            "practices, the community mental health team and voluntary services, often "
            "waiting on several lists at once. Staff in each organisation knew little "
            "about what the others offered."
        ),
        "what_was_done": p(
            "Three neighbourhood teams were formed, each matched to a primary care network "
            "of 40,000 to 55,000 people. Each team brings together trust clinicians, ARRS "
            "mental health practitioners, social prescribing link workers and staff from "
            "the local alliance under one locality manager."
        )
        + ul(
            "A weekly neighbourhood meeting agrees a plan for every new request",
            "A shared register of people on the team's caseload, visible to all partners",
            "Joint induction and monthly cross-organisation reflective practice",
        ),
        "outcomes_summary": p(
            "Waiting times for a first conversation fell sharply and fewer people were "
            "passed between services. Staff surveys show stronger working relationships, "
            "though recruitment to trust posts remains difficult."
        ),
        "outcomes": [
            (
                "Median wait from request to first contact fell from 42 to 12 days",
                "Monthly waiting list audit by the trust's information team",
            ),
            (
                "Requests passed on to another service without help fell by two thirds",
                "Neighbourhood meeting log, compared with the year before the change",
            ),
            (
                "Staff reporting good relationships with partner organisations rose to 78%",
                "Annual anonymous staff survey across all partners",
            ),
        ],
        "barriers": p(
            "Different IT systems meant the shared register began as a spreadsheet. GP "
            "practices could rarely attend the weekly meeting, and trust vacancies left some "
            "teams thin for months."
        ),
        "enablers": p(
            "A locality manager with authority over staff from more than one employer, ARRS "
            "practitioners who knew both primary and secondary care, and a meeting time "
            "chosen around practice clinics."
        ),
        "key_learning": p(
            "Organise by neighbourhood rather than by profession, and give the "
            "neighbourhood meeting real decision-making power. Expect each neighbourhood "
            "to develop its own way of working."
        ),
        "cost_and_funding": p(
            "Funded from community mental health transformation money held by the "
            "integrated care board, with primary care networks contributing ARRS posts. "
            "No new buildings were needed."
        ),
        "contact_role": "Northvale locality management team",
        "contact_email": "northvale.locality@example-trust.nhs.uk",
        "date_published": datetime.date(2024, 5, 2),
        "reviewed_months_ago": 3,
        "partners": [
            ("Westcombe Partnership NHS Foundation Trust", "secondary-mental-health", "lead"),
            ("Northvale Primary Care Network", "primary-care", "delivery"),
            ("Kestrel Vale Primary Care Network", "primary-care", "delivery"),
            ("Harbourside Wellbeing Collective", "vcse", "delivery"),
            ("Moorland and Coast Integrated Care Board", "commissioning", "commissioner"),
        ],
        "themes": ["neighbourhood-teams", "primary-secondary-integration", "care-planning"],
        "sectors": ["secondary-mental-health", "primary-care", "vcse"],
        "region": "south-west",
        "keywords": ["neighbourhood teams", "PCN", "locality management", "MDT"],
        "share_image": "moorland-path",
    },
    {
        "slug": "voluntary-sector-alliance-first-refusal-for-local-groups",
        "title": "A voluntary sector alliance that offers new work to local groups first",
        "summary": (
            "Twenty-two charities and community groups formed an alliance with a rule that "
            "small local organisations get first refusal on new opportunities, backed by a "
            "five-year agreement with the NHS."
        ),
        "place": "Harbourside and Downland coast",
        "population_covered": 260_000,
        "setting": "coastal",
        "status": "established",
        "integration_type": "horizontal",
        "relationship_type": "strategic-alliance",
        "interface_model": "consultation",
        "care_levels": ["community-wellbeing", "self-care", "intermediate-care"],
        "problem": p(
            "Voluntary organisations competed for short grants, so small groups with the "
            "strongest local ties rarely won NHS work. Commissioners dealt with dozens of "
            "separate contracts."
        ),
        "what_was_done": p(
            "Members formed an alliance with a small backbone team. New opportunities are "
            "offered first to grassroots members rooted in the neighbourhood concerned; "
            "national and regional charities take them on only if local groups decline."
        )
        + ul(
            "One alliance agreement with the integrated care board instead of many contracts",
            "Advance payments and help with data returns for small members",
            "Alliance representatives sit on the community mental health strategic group",
        ),
        "outcomes_summary": p(
            "More of the funding now reaches small organisations, and referrals from "
            "communities that rarely used services have grown. The NHS uses the alliance "
            "as its route to community knowledge."
        ),
        "outcomes": [
            (
                (
                    "Share of alliance funding held by organisations with under 20 staff rose "
                    "from 18% to 46%"
                ),
                "Alliance finance records, audited annually",
            ),
            (
                "Referrals from Black and South Asian residents up 60% over two years",
                "Equality monitoring of referrals across all alliance members",
            ),
        ],
        "barriers": p(
            "Some larger charities felt disadvantaged and one left. The backbone team was "
            "underfunded in the first year, and small groups carried much unpaid "
            "coordination work."
        ),
        "enablers": p(
            "Long contracts that gave members confidence to recruit, a chief officer trusted "
            "by large and small members alike, and commissioners willing to pay for "
            "coordination."
        ),
        "key_learning": p(
            "Sharing power has to be written into the rules, not left to goodwill. Fund "
            "the relationship work explicitly and expect trust to take years."
        ),
        "cost_and_funding": p(
            "A five-year agreement with the integrated care board worth about £2.1 million "
            "a year, of which 8% funds the backbone team. Members add charitable funding."
        ),
        "contact_role": "Alliance backbone team",
        "contact_email": "alliance@example-vcse-alliance.org.uk",
        "date_published": datetime.date(2024, 2, 15),
        "reviewed_months_ago": 5,
        "partners": [
            ("Harbourside Voluntary Sector Mental Health Alliance", "vcse", "lead"),
            ("Eastfield African and Caribbean Wellbeing Group", "vcse", "delivery"),
            ("Downland Community Action", "vcse", "delivery"),
            ("Downland and Coast Integrated Care Board", "commissioning", "commissioner"),
            ("Downland Partnership NHS Trust", "secondary-mental-health", "advisory"),
        ],
        "themes": ["vcse-partnership", "funding-commissioning", "health-inequalities"],
        "sectors": ["vcse", "commissioning"],
        "region": "south-east",
        "keywords": ["VCSE alliance", "right of first refusal", "grassroots", "contracts"],
        "share_image": "community-garden",
    },
    {
        "slug": "self-referral-to-community-mental-health-services",
        "title": "Self-referral to community mental health services without a GP appointment",
        "summary": (
            "A community mental health service opened self-referral by phone, online form "
            "or through a voluntary sector worker, with same-week triage shared with the "
            "voluntary sector."
        ),
        "place": "Eastmoor",
        "population_covered": 310_000,
        "setting": "urban",
        "status": "established",
        "integration_type": "vertical",
        "relationship_type": "taking-into-account",
        "interface_model": "consultation",
        "care_levels": ["extended-primary-care", "secondary-care"],
        "problem": p(
            "People needed a GP appointment before they could be referred, adding weeks to "
            "their wait and taking GP time. Referral letters often lacked what the team "
            "needed to decide."
        ),
        "what_was_done": p(
            "The service accepted requests directly from adults and from voluntary sector "
            "workers. A weekly triage meeting, with a voluntary sector colleague present, "
            "agrees a response to every request, so nobody is simply turned away."
        )
        + ul(
            "A short online form and a staffed phone line in office hours",
            "Outcome letters copied to the person's GP practice, with consent",
            "A consultation line for GPs who want advice without referring",
        ),
        "outcomes_summary": p(
            "Waits fell and GPs spent less time on referrals. Demand rose less than feared, "
            "and requests were more often appropriate."
        ),
        "outcomes": [
            (
                "Median wait to first conversation fell from 31 to 9 days",
                "Trust patient administration system, six months before and after",
            ),
            (
                "No requests closed without an offer of help in the first year",
                "Triage meeting records reviewed quarterly",
            ),
            (
                "GP-reported time on mental health referrals reduced",
                "Short survey of practice staff at six and twelve months",
            ),
        ],
        "barriers": p(
            "Some GPs worried about losing sight of their patients. Early on, the phone line "
            "was too busy at lunchtimes, and the form was not available in other languages."
        ),
        "enablers": p(
            "Support from the primary care network clinical directors, a voluntary sector "
            "partner able to offer something quickly, and clear information for the public."
        ),
        "key_learning": p(
            "Self-referral works when the response to each request is shared, so there is "
            "always somewhere to go. Keep GPs informed or they will feel cut out."
        ),
        "cost_and_funding": p(
            "Met from the existing community mental health budget, with one additional "
            "administrator for the phone line, about £32,000 a year."
        ),
        "contact_role": "Eastmoor community mental health service, access team",
        "contact_email": "eastmoor.access@example-trust.nhs.uk",
        "date_published": datetime.date(2023, 10, 12),
        "reviewed_months_ago": 7,
        "partners": [
            ("Eastmoor Community Mental Health Service", "secondary-mental-health", "lead"),
            ("Eastmoor Wellbeing Partnership", "vcse", "delivery"),
            ("Eastmoor primary care networks", "primary-care", "advisory"),
        ],
        "themes": ["access-no-wrong-door", "primary-secondary-integration"],
        "sectors": ["secondary-mental-health", "primary-care", "vcse"],
        "region": "south-west",
        "keywords": ["self-referral", "no wrong door", "triage", "access"],
        "share_image": "city-canal",
    },
    {
        "slug": "mental-health-practitioners-in-gp-practices",
        "title": "Mental health practitioners (ARRS) in GP practices",
        "summary": (
            "Two primary care networks and the mental health trust jointly employ mental "
            "health practitioners who run clinics in GP surgeries and keep one foot in the "
            "community team."
        ),
        "place": "Brackenfold",
        "population_covered": 96_000,
        "setting": "urban",
        "status": "established",
        "integration_type": "vertical",
        "relationship_type": "joint-venture",
        "interface_model": "shifted-outpatient",
        "care_levels": ["extended-primary-care", "secondary-care"],
        "problem": p(
            "GPs had little specialist mental health support, and many people with "
            "significant needs were managed in primary care alone or referred onward and "
            "then discharged back without a plan."
        ),
        "what_was_done": p(
            "Five mental health practitioners were recruited, each based in a group of "
            "practices. The primary care networks fund half of each post through the "
            "Additional Roles Reimbursement Scheme; the trust funds the rest, employs the "
            "practitioners and provides supervision."
        )
        + ul(
            "Thirty-minute appointments booked by practice reception",
            "Weekly attendance at the community team's referral meeting",
            "A written agreement on clinical responsibility and escalation",
        ),
        "outcomes_summary": p(
            "Practices value the role, complaints about access to mental health care fell, "
            "and fewer referrals were bounced back. Patient experience is still being "
            "measured."
        ),
        "outcomes": [
            (
                (
                    "Referrals from the practices to the community team returned as "
                    "inappropriate fell from 35% to 11%"
                ),
                "Community team referral records for the participating practices",
            ),
            (
                "Complaints about mental health access fell from 14 to 4 a year",
                "Practice complaints logs collated by the primary care networks",
            ),
        ],
        "barriers": p(
            "Confusion at first about who held clinical risk, room shortages in busy "
            "practices, and one post vacant for eight months."
        ),
        "enablers": p(
            "Keeping supervision with the trust, a named duty GP each session, and "
            "practitioners who had worked in community teams before."
        ),
        "key_learning": p(
            "Agree supervision and accountability before the first practitioner starts. "
            "The role is a bridge, not a filter, and GPs need to hear that early."
        ),
        "cost_and_funding": p(
            "About £58,000 a post each year, split equally between ARRS funding through "
            "the primary care networks and the trust's transformation budget."
        ),
        "contact_role": "Primary care mental health lead",
        "contact_email": "primarycare.mh@example-brackenfold-trust.nhs.uk",
        "date_published": datetime.date(2024, 9, 26),
        "reviewed_months_ago": 2,
        "partners": [
            ("Brackenfold North Primary Care Network", "primary-care", "lead"),
            ("Brackenfold South Primary Care Network", "primary-care", "delivery"),
            ("Pennine Edge NHS Foundation Trust", "secondary-mental-health", "delivery"),
        ],
        "themes": ["workforce-new-roles", "primary-secondary-integration", "supervision-culture"],
        "sectors": ["primary-care", "secondary-mental-health"],
        "region": "north-west",
        "keywords": ["ARRS", "mental health practitioner", "GP practice", "PCN"],
        "share_image": "allotment-green",
    },
    {
        "slug": "named-cmht-link-worker-for-every-practice",
        "title": "A named community mental health team link worker for every GP practice",
        "summary": (
            "Every practice in a large rural area has a named link worker from the community "
            "mental health team who visits monthly and answers questions between visits."
        ),
        "place": "Fenbridge and the Saltmarsh villages",
        "population_covered": 118_000,
        "setting": "rural",
        "status": "established",
        "integration_type": "vertical",
        "relationship_type": "dialogue",
        "interface_model": "liaison-attachment",
        "care_levels": ["extended-primary-care", "secondary-care"],
        "problem": p(
            "With practices spread across a rural area, GPs rarely knew anyone in the "
            "community team. Advice meant a formal referral, and people with severe mental "
            "illness managed in primary care had little specialist input."
        ),
        "what_was_done": p(
            "The community team gave each of its 19 practices a named link worker, usually "
            "a community psychiatric nurse. Link workers visit monthly to discuss patients, "
            "take questions by phone or email between visits, and help with annual reviews "
            "for people on the practice's severe mental illness register."
        ),
        "outcomes_summary": p(
            "GPs report easier access to advice, and some referrals are replaced by a "
            "conversation. The model depends heavily on staffing and suffered when posts "
            "were vacant."
        ),
        "outcomes": [
            (
                (
                    "Practices reporting they know who to contact for advice rose from 5 of 19 "
                    "to 18 of 19"
                ),
                "Survey of practice managers and GPs at baseline and after one year",
            ),
            (
                "About one in five queries resolved by advice without a referral",
                "Link worker activity log over twelve months",
            ),
        ],
        "barriers": p(
            "Travel time between practices, vacancies that left some practices without a "
            "link for months, and no shared records system."
        ),
        "enablers": p(
            "Continuity of the same named person, practices that protected time for the "
            "monthly visit, and managers who counted liaison as real work."
        ),
        "key_learning": p(
            "A named person matters more than a service phone number. Plan cover for "
            "absences so the link does not quietly disappear."
        ),
        "cost_and_funding": p(
            "Delivered within existing community team staffing, at roughly 0.1 of a "
            "full-time post per practice, plus mileage."
        ),
        "contact_role": "Fenbridge community mental health team manager",
        "contact_email": "fenbridge.cmht@example-trust.nhs.uk",
        "date_published": datetime.date(2023, 6, 8),
        "reviewed_months_ago": 14,
        "partners": [
            ("Fenbridge Community Mental Health Service", "secondary-mental-health", "lead"),
            ("Fenbridge and Saltmarsh GP practices", "primary-care", "delivery"),
            ("Saltmarsh Integrated Care Board", "commissioning", "commissioner"),
        ],
        "themes": ["primary-secondary-integration", "smi-physical-health"],
        "sectors": ["secondary-mental-health", "primary-care"],
        "region": "east-of-england",
        "keywords": ["link worker", "liaison", "CMHT", "rural", "CPN"],
        "share_image": "coastal-path",
    },
    {
        "slug": "integrated-cmht-with-social-work",
        "title": "An integrated community mental health team with social work",
        "summary": (
            "Council social workers and trust clinicians work as one team under a single "
            "manager, with a joint duty rota and shared access to records."
        ),
        "place": "Fellside",
        "population_covered": 205_000,
        "setting": "urban",
        "status": "established",
        "integration_type": "horizontal",
        "relationship_type": "merger",
        "interface_model": "consultation",
        "care_levels": ["secondary-care", "intermediate-care"],
        "problem": p(
            "Health and social care assessed the same people separately, in different "
            "buildings, under different managers. People told their story twice and care "
            "plans ignored housing, money and social needs."
        ),
        "what_was_done": p(
            "Under a formal partnership agreement, council social workers were seconded into "
            "the community team. One manager leads the combined team, and social care "
            "assessments are planned alongside clinical care plans."
        )
        + ul(
            "Single duty rota for health and social care referrals",
            "Two-way read access to the trust and council record systems",
            "Joint training on risk, safeguarding and the Care Act",
        ),
        "outcomes_summary": p(
            "Duplicate assessments largely ended and social needs appear in more care plans. "
            "Staff say decisions are quicker, though differences in culture persist."
        ),
        "outcomes": [
            (
                "Care plans recording a housing, money or employment goal rose from 31% to 67%",
                "Quarterly audit of a random sample of care plans",
            ),
            (
                "Average time from referral to joint assessment fell from 24 to 10 days",
                "Combined team performance report",
            ),
        ],
        "barriers": p(
            "Separate pay and conditions, two sets of policies, and worry among social "
            "workers that their professional identity would be lost."
        ),
        "enablers": p(
            "A manager respected by both professions, a principal social worker who "
            "championed the change, and senior agreement on information sharing."
        ),
        "key_learning": p(
            "Horizontal integration between health and social care moves faster when the "
            "hard questions on records and accountability are settled at the top first."
        ),
        "cost_and_funding": p(
            "A pooled budget under a partnership agreement between the council and the "
            "trust, with no net increase in spending."
        ),
        "contact_role": "Fellside integrated mental health team",
        "contact_email": "fellside.integrated@example-council.gov.uk",
        "date_published": datetime.date(2025, 1, 16),
        "reviewed_months_ago": 4,
        "partners": [
            ("Fellside and Dales Mental Health Trust", "secondary-mental-health", "lead"),
            ("Fellside City Council adult social care", "social-care", "delivery"),
            ("Fellside and Dales Integrated Care Board", "commissioning", "funder"),
        ],
        "themes": ["neighbourhood-teams", "care-planning", "wider-determinants"],
        "sectors": ["secondary-mental-health", "social-care"],
        "region": "north-east-yorkshire",
        "keywords": ["social work", "integrated team", "pooled budget", "Care Act"],
        "share_image": "hillside-terraces",
    },
    {
        "slug": "talking-therapies-and-cmht-shared-pathway",
        "title": "A shared pathway between NHS Talking Therapies and the community team",
        "summary": (
            "A weekly joint triage between NHS Talking Therapies and the community mental "
            "health team agrees a plan for anyone either service is unsure about, so no one "
            "falls between them."
        ),
        "place": "Lambridge",
        "population_covered": 88_000,
        "setting": "urban",
        "status": "pilot",
        "integration_type": "vertical",
        "relationship_type": "joint-project",
        "interface_model": "integrated-working",
        "care_levels": ["extended-primary-care", "secondary-care"],
        "problem": p(
            "People assessed as too complex for Talking Therapies were often not accepted "
            "by the community team either, and ended up back with their GP after months of "
            "waiting."
        ),
        "what_was_done": p(
            "In two pilot neighbourhoods the services agreed a shared protocol and a weekly "
            "joint triage. Shared care is allowed: someone can receive therapy while the "
            "community team supports them, or move between services without a new referral."
        ),
        "outcomes_summary": p(
            "Early results show fewer people rejected by both services and shorter waits for "
            "people with complex needs. A full year of data is due next spring."
        ),
        "outcomes": [
            (
                ("People returned to their GP by both services fell from 46 to 6 over six months"),
                "Joint triage log compared with the same period the previous year",
            ),
            (
                "Staff in both services rate the pathway as clear (average 4.2 out of 5)",
                "Short staff questionnaire after three and six months",
            ),
        ],
        "barriers": p(
            "Different national targets for the two services, separate records systems and "
            "worry that the community team would be flooded."
        ),
        "enablers": p(
            "Support from the regional programme, clinical leads who trusted each other, and "
            "a guide to workforce and pathway principles written with people who use services."
        ),
        "key_learning": p(
            "Refer once and let the services sort out the rest. A meeting where both sides "
            "decide together beats any number of referral criteria."
        ),
        "cost_and_funding": p(
            "Pilot funded by regional transformation money for two years, mainly for "
            "clinical time in the triage and an evaluation."
        ),
        "contact_role": "Lambridge Talking Therapies pathway lead",
        "contact_email": "talkingtherapies.pathway@example-lambridge.nhs.uk",
        "date_published": datetime.date(2025, 11, 6),
        "reviewed_months_ago": 1,
        "partners": [
            ("Lambridge NHS Talking Therapies", "talking-therapies", "lead"),
            ("Lambridge Community Mental Health Team", "secondary-mental-health", "delivery"),
            ("Lambridge Experts by Experience Panel", "lived-experience", "advisory"),
            (
                "Westbank University health services research group",
                "research-education",
                "evaluation",
            ),
        ],
        "themes": ["access-no-wrong-door", "primary-secondary-integration", "care-planning"],
        "sectors": ["talking-therapies", "secondary-mental-health", "lived-experience"],
        "region": "london",
        "keywords": ["NHS Talking Therapies", "IAPT", "CMHT", "pathway", "shared care"],
        "share_image": "river-bridge",
    },
    {
        "slug": "physical-health-checks-for-people-with-smi",
        "title": "Physical health checks for people with severe mental illness, in the community",
        "summary": (
            "A mobile clinic run with a voluntary sector partner offered physical health "
            "checks in community venues to people with severe mental illness who had missed "
            "them at their surgery."
        ),
        "place": "Peakside market towns",
        "population_covered": 74_000,
        "setting": "rural",
        "status": "ended",
        "integration_type": "both",
        "relationship_type": "satellite",
        "interface_model": "shifted-outpatient",
        "care_levels": ["community-wellbeing", "extended-primary-care"],
        "problem": p(
            "Fewer than a third of people on local severe mental illness registers had "
            "received a full annual physical health check. Many did not attend surgery "
            "appointments."
        ),
        "what_was_done": p(
            "A small team of a nurse, a health care assistant and a peer worker, hosted by a "
            "voluntary organisation, ran checks in libraries, community centres and people's "
            "homes, sharing results with the practice and arranging follow-up."
        ),
        "outcomes_summary": p(
            "Check rates rose markedly and several serious conditions were found early. The "
            "project ended when its funding stopped; practices kept some of the approach."
        ),
        "outcomes": [
            (
                "Full annual checks on participating registers rose from 29% to 63%",
                "Practice SMI register reports at start and end of the project",
            ),
            (
                "41 people referred on for diabetes, heart or lung problems",
                "Project follow-up records",
            ),
        ],
        "barriers": p(
            "Time-limited funding, difficulty recording results directly in practice "
            "systems, and no agreed home for the service after the pilot."
        ),
        "enablers": p(
            "Peer workers who made first contact, flexible venues, and practices that shared "
            "their registers under a clear agreement."
        ),
        "key_learning": p(
            "Taking checks to people works, but plan from the start where the service will "
            "live when the pilot ends."
        ),
        "cost_and_funding": p(
            "Eighteen months of non-recurrent funding, about £190,000 in total, from the "
            "integrated care board's health inequalities fund."
        ),
        "contact_role": "Peakside primary care network mental health lead",
        "contact_email": "peakside.pcn@example-practice.nhs.uk",
        "date_published": datetime.date(2023, 3, 9),
        "reviewed_months_ago": 16,
        "partners": [
            ("Peakside Primary Care Network", "primary-care", "lead"),
            ("Peakside Community Wellbeing Charity", "vcse", "delivery"),
            ("Peakside Healthcare NHS Trust", "secondary-mental-health", "advisory"),
            ("Peakside and Vale Integrated Care Board", "commissioning", "funder"),
        ],
        "themes": ["smi-physical-health", "health-inequalities"],
        "sectors": ["primary-care", "vcse", "secondary-mental-health"],
        "region": "midlands",
        "keywords": ["SMI", "physical health checks", "outreach", "peer workers"],
        "share_image": "moorland-path",
    },
    {
        "slug": "co-produced-strategic-group-with-experts-by-experience",
        "title": "A co-produced strategic group with experts by experience",
        "summary": (
            "The system's community mental health strategic group was rebuilt with a "
            "lived experience co-chair and paid experts by experience making up a third of "
            "its members."
        ),
        "place": "Fellside and Dales integrated care system",
        "population_covered": 1_150_000,
        "setting": "system-wide",
        "status": "established",
        "integration_type": "both",
        "relationship_type": "strategic-alliance",
        "interface_model": "consultation",
        "care_levels": [
            "community-wellbeing",
            "extended-primary-care",
            "secondary-care",
            "tertiary-care",
        ],
        "problem": p(
            "Decisions about community mental health were made by managers and clinicians, "
            "with people who use services consulted late, if at all."
        ),
        "what_was_done": p(
            "The group was reformed with a lived experience co-chair, paid places for "
            "experts by experience and carers, and links to small community groups so "
            "that views from beyond the room reach the table."
        )
        + ul(
            "Papers in plain English sent a week ahead",
            "A preparation meeting for lived experience members before each session",
            "A 'you said, we did' report at every meeting",
        ),
        "outcomes_summary": p(
            "Several decisions changed as a result, including the design of the self-referral "
            "form and the location of new community hubs."
        ),
        "outcomes": [
            (
                (
                    "Seven service design decisions changed after lived experience input in the "
                    "first year"
                ),
                "Decision log maintained by the group's secretariat",
            ),
            (
                "Lived experience members rating their involvement as meaningful rose to 85%",
                "Anonymous annual survey of lived experience members",
            ),
        ],
        "barriers": p(
            "Payment rules that clashed with some members' benefits, jargon-heavy papers "
            "from partner organisations, and turnover among senior NHS members."
        ),
        "enablers": p(
            "An ICB director who championed the change, a peer-led organisation that "
            "supported lived experience members, and a clear payment policy."
        ),
        "key_learning": p(
            "Co-production needs resources and structure, not goodwill. Tell people what "
            "changed because of them, or they will stop coming."
        ),
        "cost_and_funding": p(
            "About £24,000 a year for payments, preparation sessions and support, met by "
            "the integrated care board."
        ),
        "contact_role": "Community mental health programme office",
        "contact_email": "cmh.programme@example-icb.nhs.uk",
        "date_published": datetime.date(2024, 7, 11),
        "reviewed_months_ago": 6,
        "partners": [
            ("Fellside and Dales Integrated Care Board", "commissioning", "lead"),
            ("Dales Lived Experience Collective", "lived-experience", "advisory"),
            ("Fellside and Dales Mental Health Trust", "secondary-mental-health", "delivery"),
            ("Riverside Carers Forum", "lived-experience", "advisory"),
        ],
        "themes": ["co-production", "carers-families", "health-inequalities"],
        "sectors": ["lived-experience", "commissioning", "secondary-mental-health"],
        "region": "north-east-yorkshire",
        "keywords": ["co-production", "experts by experience", "strategy", "carers"],
        "share_image": "orchard-dawn",
    },
    {
        "slug": "jointly-funded-community-wellbeing-spaces",
        "title": "Jointly funded community wellbeing spaces in coastal towns",
        "summary": (
            "Public health and the mental health trust jointly fund voluntary groups to run "
            "peer spaces and activities that serve prevention and recovery at once."
        ),
        "place": "Saltmarsh coast",
        "population_covered": 67_000,
        "setting": "coastal",
        "status": "pilot",
        "integration_type": "horizontal",
        "relationship_type": "joint-project",
        "interface_model": "liaison-attachment",
        "care_levels": ["community-wellbeing", "self-care"],
        "problem": p(
            "Coastal towns with high deprivation had few community activities that "
            "supported mental health, and prevention and recovery were funded separately "
            "with little overlap."
        ),
        "what_was_done": p(
            "Public health and the trust pooled funding for three voluntary groups to run "
            "weekly peer spaces, walking groups and creative sessions. Anyone can refer, "
            "including people themselves, and a community connector links each space with "
            "local GP practices and the neighbourhood mental health team."
        ),
        "outcomes_summary": p(
            "Attendance has grown steadily and wellbeing scores improve for regular "
            "attenders. Some people discharged from the community team use the spaces to "
            "stay well."
        ),
        "outcomes": [
            (
                "Average wellbeing score for regular attenders rose by 4.5 points",
                "Short Warwick-Edinburgh Mental Wellbeing Scale at first visit and three months",
            ),
            (
                "About 120 people attend each week across the three towns",
                "Attendance registers kept by each group",
            ),
        ],
        "barriers": p(
            "Different reporting expectations from the two funders at first, and transport "
            "between villages and the towns."
        ),
        "enablers": p(
            "A single shared outcome framework, a steering group including people who attend, "
            "and voluntary groups already trusted locally."
        ),
        "key_learning": p(
            "Stop debating whether an activity is prevention or recovery; it can be both. "
            "Agree one set of outcomes and report them once."
        ),
        "cost_and_funding": p(
            "£150,000 a year for two years, split between the council's public health grant "
            "and the trust's community transformation budget."
        ),
        "contact_role": "Public health mental wellbeing team",
        "contact_email": "wellbeing@example-saltmarsh.gov.uk",
        "date_published": datetime.date(2026, 2, 5),
        "reviewed_months_ago": 2,
        "partners": [
            ("Saltmarsh County Council public health team", "public-health", "funder"),
            ("Fenbridge Community Mental Health Service", "secondary-mental-health", "funder"),
            ("Saltmarsh Coast Peer Spaces", "vcse", "lead"),
            ("Saltmarsh Arts and Wellbeing", "vcse", "delivery"),
        ],
        "themes": ["prevention-public-health", "vcse-partnership", "health-inequalities"],
        "sectors": ["public-health", "vcse", "secondary-mental-health"],
        "region": "east-of-england",
        "keywords": ["public health", "joint funding", "peer spaces", "coastal"],
        "share_image": "estuary-morning",
    },
]
