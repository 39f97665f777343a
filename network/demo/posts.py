"""Demo reflections: what members tried, what got in the way and what they still ask.

Bodies are lists of simple tuples rather than StreamField JSON so the prose stays easy to
edit; the loader turns them into blocks:

* ``("text", html)``
* ``("quote", quote, attribution)``
* ``("callout", heading, html)``
* ``("image", image_key, alt_text, caption)``
"""

import datetime

from .markup import h2, p, ul

COLLATED_BY = "the network facilitator"

POSTS = [
    {
        "slug": "south-west-network-part-1-roles",
        "title": "Reflections from the South West network, part 1: the roles that hold it together",
        "date": datetime.date(2024, 3, 14),
        "summary": (
            "Members compared the new roles that neighbourhood mental health care relies on, "
            "from ARRS practitioners in GP surgeries to peer workers, and what each needs "
            "to thrive."
        ),
        "collective": True,
        "series_part": 1,
        "audience": "public",
        "themes": ["workforce-new-roles", "neighbourhood-teams", "supervision-culture"],
        "sectors": ["primary-care", "secondary-mental-health", "vcse", "lived-experience"],
        "region": "south-west",
        "keywords": ["ARRS", "peer support", "new roles", "neighbourhood teams"],
        "share_image": "moorland-path",
        "body": [
            (
                "text",
                p(
                    "The South West network meets every other month as a place where people "
                    "can be candid about putting the Community Mental Health Framework into "
                    "practice. This first write-up brings together three meetings on a single "
                    "question: which roles are making the biggest difference, and what do "
                    "they need from the organisations around them?"
                )
                + h2("Roles that sit between services")
                + p(
                    "Almost every area represented had created at least one post whose job "
                    "is to sit on a boundary: a mental health practitioner funded through the "
                    "Additional Roles Reimbursement Scheme (ARRS) working in GP practices, a "
                    "community connector employed by a charity but attending trust meetings, "
                    "or a named link worker from the community mental health team (CMHT). "
                    "Members agreed these posts change how services talk to each other far "
                    "more than new pathways on paper."
                ),
            ),
            (
                "quote",
                (
                    "Half my job is clinical. The other half is knowing who to ring, and being "
                    "the person they ring back."
                ),
                "Mental health practitioner in a primary care network",
            ),
            (
                "text",
                h2("Peer workers and experts by experience")
                + p(
                    "Peer support workers were described as the role people using services "
                    "talk about most. Several members warned that peer roles are often the "
                    "lowest paid and the first to be cut, and that peer workers can feel "
                    "isolated when they are the only one in a team."
                ),
            ),
            (
                "image",
                "moorland-path",
                "Abstract picture in moorland greens",
                "Many of the network's teams cover large rural areas as well as towns.",
            ),
            (
                "callout",
                "What members asked for",
                ul(
                    "Supervision arrangements agreed before a boundary role starts, not after",
                    "A clear line on who holds clinical responsibility for shared patients",
                    "At least two peer workers in any team, so nobody works alone",
                    "Time in the job plan for building relationships, not only appointments",
                ),
            ),
            (
                "text",
                p(
                    "Part two turns from roles to relationships: how trusts, primary care, "
                    "the voluntary sector, social care and public health are learning to work "
                    "as one system."
                ),
            ),
        ],
    },
    {
        "slug": "south-west-network-part-2-working-across-sectors",
        "title": "Reflections from the South West network, part 2: working across sectors",
        "date": datetime.date(2024, 6, 20),
        "summary": (
            "How members are building trust between the voluntary sector, specialist mental "
            "health services, primary care, social care and public health, and the problems "
            "they have not yet solved."
        ),
        "collective": True,
        "series_part": 2,
        "audience": "public",
        "themes": [
            "vcse-partnership",
            "primary-secondary-integration",
            "co-production",
            "prevention-public-health",
        ],
        "sectors": ["vcse", "secondary-mental-health", "primary-care", "public-health"],
        "region": "south-west",
        "keywords": ["VCSE alliance", "locality management", "self-referral", "public health"],
        "share_image": "harbour-lights",
        "body": [
            (
                "text",
                p(
                    "The second part of our write-up looks at partnership. It draws on "
                    "discussions at three network meetings and has been checked by the members "
                    "who took part."
                )
                + h2("The voluntary sector is many sectors")
                + p(
                    "Charities and community groups vary enormously in size, purpose and "
                    "culture, and many spent years bidding against each other. Members from "
                    "several areas had used transformation money to form a local voluntary "
                    "sector alliance. Alliances gave staff a sense of belonging to something "
                    "bigger, made commissioning simpler for the NHS, and let members bid "
                    "together for funding that none could have won alone."
                )
                + p(
                    "One alliance tackles the imbalance between large and small members by "
                    "offering each new piece of work to its local grassroots groups first. "
                    "Regional and national charities only take it on if the local groups "
                    "decide not to."
                ),
            ),
            (
                "callout",
                "The hidden cost of trust",
                p(
                    "Alliances run on relationships, and relationships take staff time. "
                    "Members urged commissioners to fund that time explicitly and to offer "
                    "contracts long enough for a culture to change. Small groups in "
                    "particular carry a heavy share of unpaid coordination work."
                ),
            ),
            (
                "text",
                h2("Inside specialist services")
                + p(
                    "Areas that had reorganised management around localities rather than "
                    "professions reported fewer silos. Locality meetings, to which voluntary "
                    "sector staff are also invited, became the place where care plans are "
                    "agreed together, and people were less likely to be passed from one "
                    "waiting list to another."
                )
                + h2("Primary care and social care")
                + p(
                    "Members were honest that joint working with general practice and social "
                    "care lags behind. GPs rarely have time to attend multi-agency meetings, "
                    "so other routes are needed: self-referral to community mental health "
                    "services without a GP appointment, and trust-employed practitioners "
                    "based in surgeries. Practices reported fewer complaints once these "
                    "roles were in place, though nobody yet knew how patients felt about them."
                ),
            ),
            (
                "quote",
                (
                    "Every time we join something up, we find two more things that ought to be "
                    "joined up."
                ),
                "Network member, secondary care",
            ),
            (
                "image",
                "harbour-lights",
                "Abstract picture in navy and orange",
                "Members want the next stage to include inpatient wards and physical health.",
            ),
            (
                "text",
                h2("Public health and the people we serve")
                + p(
                    "Jointly funded projects with public health, usually delivered by "
                    "voluntary groups, were valued because they blur the line between "
                    "prevention and recovery: the same peer group can be wellbeing support for "
                    "one person and early intervention for another. Members also stressed "
                    "asking people what would help when the standard pathway has not, and "
                    "making room for experts by experience in strategic groups."
                )
                + h2("Still to solve")
                + ul(
                    "Sharing information and data safely between organisations",
                    "Holding on to joint working when money and staff are short",
                    "Understanding each other's pressures and different attitudes to risk",
                    "Helping clinicians see the value of non-medical support",
                ),
            ),
        ],
    },
    {
        "slug": "a-year-as-a-pcn-mental-health-practitioner",
        "title": "What a year as a PCN mental health practitioner taught me",
        "date": datetime.date(2023, 4, 18),
        "summary": (
            "Moving from a community team into four GP surgeries meant learning a new "
            "culture, a new pace and how to say no kindly."
        ),
        "authors": ["priya-raman"],
        "audience": "public",
        "themes": ["workforce-new-roles", "primary-secondary-integration", "supervision-culture"],
        "sectors": ["primary-care", "secondary-mental-health"],
        "region": "south-west",
        "keywords": ["ARRS", "mental health practitioner", "GP practice", "supervision"],
        "share_image": "allotment-green",
        "body": [
            (
                "text",
                p(
                    "Twelve months ago I left a community mental health team to become one of "
                    "the first mental health practitioners in our primary care network. The "
                    "post is half funded by the network through ARRS and half by the trust, "
                    "which still employs and supervises me."
                )
                + h2("Twenty-minute appointments change everything")
                + p(
                    "In the CMHT I could spend an hour on an assessment. In a practice I have "
                    "thirty minutes and a queue. I learned to focus on what the person wants "
                    "to happen next and to book a second appointment rather than rush."
                ),
            ),
            (
                "quote",
                (
                    "The receptionists became my best source of referrals: they know who has "
                    "rung five times this month."
                ),
                "Priya Raman",
            ),
            (
                "text",
                h2("Being a bridge, not a filter")
                + p(
                    "GPs at first saw me as a way to get people into secondary care faster. "
                    "When that did not happen they were frustrated. What helped was sharing a "
                    "simple monthly summary of who I had seen and where they went next, and "
                    "joining the trust's weekly referral meeting so I could explain decisions "
                    "rather than relay them."
                ),
            ),
            (
                "callout",
                "If you are starting a role like this",
                ul(
                    "Ask for a desk in the practice, not a room you borrow",
                    "Agree who covers your clinics when you are away",
                    "Keep your clinical supervision with your profession",
                    "Meet every GP in the first month, even briefly",
                ),
            ),
            (
                "image",
                "allotment-green",
                "Abstract picture in greens",
                "Small practices, big lists: the role covers about 40,000 patients.",
            ),
        ],
    },
    {
        "slug": "self-referral-six-months-in",
        "title": "Self-referral without a GP appointment: six months in",
        "date": datetime.date(2023, 9, 7),
        "summary": (
            "Our community mental health team stopped requiring a GP referral. Demand did "
            "not explode, waits fell and GPs noticed."
        ),
        "authors": ["tom-aldridge"],
        "audience": "public",
        "themes": ["access-no-wrong-door", "primary-secondary-integration"],
        "sectors": ["secondary-mental-health", "primary-care"],
        "region": "south-west",
        "keywords": ["self-referral", "no wrong door", "GP", "waiting times"],
        "share_image": "city-canal",
        "body": [
            (
                "text",
                p(
                    "When we proposed letting people refer themselves to the Eastmoor "
                    "community mental health team, the biggest fear was being overwhelmed. "
                    "Six months on, referrals are up by about a fifth, but fewer are "
                    "inappropriate, because people describe their own needs better than a "
                    "rushed referral letter does."
                )
                + h2("How it works")
                + p(
                    "People can phone, fill in a short online form or ask a voluntary sector "
                    "worker to refer them. Each request is discussed the same week at a "
                    "triage meeting with a voluntary sector colleague present, so those who "
                    "need community support rather than specialist care are connected "
                    "straight away instead of being turned down."
                ),
            ),
            (
                "callout",
                "Early numbers",
                ul(
                    "Median wait from first contact to first conversation: down from 31 to 9 days",
                    "Requests redirected with no offer of help: none in six months",
                    "GP time spent on mental health referral letters: noticeably lower",
                ),
            ),
            (
                "quote",
                "I did not have to convince a doctor first that I was ill enough.",
                "Person who referred themselves",
            ),
            (
                "text",
                p(
                    "We still have work to do. Some GPs worry they lose sight of their "
                    "patients, so we now send the practice a copy of every outcome letter, "
                    "with consent. Next we want to check whether self-referral reaches people "
                    "who have never used mental health services before, or mainly those who "
                    "already know the system."
                ),
            ),
        ],
    },
    {
        "slug": "right-of-first-refusal-sharing-power",
        "title": "Right of first refusal: sharing power inside a voluntary sector alliance",
        "date": datetime.date(2023, 11, 22),
        "summary": (
            "Why our alliance offers new work to small local groups before national "
            "charities, and what it has cost and gained us."
        ),
        "authors": ["grace-oduya", "kwame-mensah"],
        "audience": "public",
        "themes": ["vcse-partnership", "funding-commissioning", "health-inequalities"],
        "sectors": ["vcse", "commissioning"],
        "region": "south-east",
        "keywords": ["VCSE alliance", "right of first refusal", "grassroots", "power"],
        "share_image": "community-garden",
        "body": [
            (
                "text",
                p(
                    "When our alliance formed, the larger charities had bid writers, finance "
                    "teams and contacts in the NHS. Small groups had a kitchen table and a lot "
                    "of local trust. Without a deliberate rule the big organisations would "
                    "have won most of the work, however good the small groups were."
                )
                + h2("The rule")
                + p(
                    "Every new opportunity that comes to the alliance is offered first to "
                    "members rooted in the neighbourhood concerned. Only if none of them "
                    "wants it, or can be supported to deliver it, does it go to a regional "
                    "or national member."
                ),
            ),
            (
                "quote",
                (
                    "For the first time we were asked what we could do, not told what we "
                    "could apply for."
                ),
                "Kwame Mensah, small community group",
            ),
            (
                "callout",
                "What it takes",
                ul(
                    "A backbone team that helps small groups with contracts and data returns",
                    "Payments in advance, because small groups cannot wait for invoices",
                    "Larger members willing to mentor rather than compete",
                ),
            ),
            (
                "image",
                "community-garden",
                "Abstract picture in quiet greens",
                "Local groups reach communities that statutory services rarely see.",
            ),
            (
                "text",
                p(
                    "It has not been painless. Some national members felt squeezed, and one "
                    "left. But referrals from Black and South Asian communities have grown "
                    "steadily, and the NHS now asks the alliance for advice on reaching "
                    "people it has missed."
                ),
            ),
        ],
    },
    {
        "slug": "at-the-strategy-table-as-an-expert-by-experience",
        "title": "At the strategy table as an expert by experience",
        "date": datetime.date(2024, 1, 30),
        "summary": (
            "Two lived experience members on what makes a seat on a strategic group real, "
            "and when it feels like decoration."
        ),
        "authors": ["daniel-whitlock", "nadia-chowdhury"],
        "audience": "public",
        "themes": ["co-production", "carers-families"],
        "sectors": ["lived-experience", "commissioning"],
        "region": "midlands",
        "keywords": ["co-production", "experts by experience", "carers", "strategy"],
        "share_image": "orchard-dawn",
        "body": [
            (
                "text",
                p(
                    "We both sit on community mental health strategy groups, one of us as "
                    "someone who has used services and one as a carer. We have had good and "
                    "bad experiences, and we wanted to set down what makes the difference."
                )
                + h2("Signs it is real")
                + ul(
                    "Papers arrive a week before the meeting, in plain English",
                    "We are paid for our time, including preparation",
                    "There are at least two of us, so no one speaks for everyone",
                    "Someone tells us afterwards what changed because of what we said",
                ),
            ),
            (
                "quote",
                "Co-production is not inviting us to comment on a finished plan.",
                "Daniel Whitlock",
            ),
            (
                "text",
                h2("Reaching beyond the usual faces")
                + p(
                    "Strategy groups tend to hear from confident English speakers who already "
                    "know the system. We have started to connect through small community "
                    "groups, including a carers' circle that meets in Bengali, and we bring "
                    "what we hear back to the table."
                ),
            ),
            (
                "callout",
                "For chairs of strategic groups",
                p(
                    "Put lived experience items near the top of the agenda, not after the "
                    "finance report when everyone is tired."
                ),
            ),
        ],
    },
    {
        "slug": "supervision-for-new-roles-who-holds-the-risk",
        "title": "Supervision for new roles: who holds the clinical risk?",
        "date": datetime.date(2024, 9, 12),
        "summary": (
            "A frank members-only discussion about supervising practitioners who work in GP "
            "practices but are employed elsewhere."
        ),
        "authors": ["samir-haddad", "priya-raman"],
        "audience": "members",
        "themes": ["supervision-culture", "workforce-new-roles"],
        "sectors": ["primary-care", "secondary-mental-health"],
        "region": "midlands",
        "keywords": ["supervision", "clinical governance", "ARRS", "risk"],
        "share_image": "library-steps",
        "body": [
            (
                "text",
                p(
                    "This post is shared with members only because it touches on incidents "
                    "that are still being reviewed locally. Please do not quote it outside "
                    "the network."
                )
                + p(
                    "Our primary care network hosts three mental health practitioners. Two "
                    "are employed by the trust and one directly by the network. After a "
                    "difficult case last spring we realised nobody had written down who "
                    "was accountable for decisions the practitioners made in practice "
                    "appointments."
                ),
            ),
            (
                "quote",
                (
                    "Everyone assumed someone else was holding the risk. In fact we all were, "
                    "and none of us knew it."
                ),
                "GP partner",
            ),
            (
                "text",
                h2("What we agreed")
                + ul(
                    "Professional supervision stays with the trust for every practitioner",
                    "Day-to-day clinical questions go to a named duty GP each session",
                    "Serious concerns are escalated to the CMHT duty worker the same day",
                    "A quarterly review of cases brings the practice and trust together",
                ),
            ),
            (
                "callout",
                "Question for members",
                p(
                    "How have you handled supervision for practitioners the network employs "
                    "directly? We would love to compare notes at the next meeting."
                ),
            ),
        ],
    },
    {
        "slug": "social-work-in-the-neighbourhood-team",
        "title": "Social work in the neighbourhood team: where we fit",
        "date": datetime.date(2024, 11, 5),
        "summary": (
            "A social worker on why integration with health so often happens around "
            "social care rather than with it, and how our team changed that."
        ),
        "authors": ["fiona-mcbride"],
        "audience": "public",
        "themes": ["neighbourhood-teams", "care-planning", "wider-determinants"],
        "sectors": ["social-care", "secondary-mental-health"],
        "region": "north-west",
        "keywords": ["social work", "integrated team", "Care Act", "care planning"],
        "share_image": "hillside-terraces",
        "body": [
            (
                "text",
                p(
                    "Network discussions often note that social care is hard to engage. As a "
                    "social worker I recognise that, but the reasons are more practical than "
                    "reluctant. Our caseloads are statutory, our assessments follow different "
                    "law, and our managers answer to the council, not the trust."
                )
                + h2("What changed in Brackenfold")
                + p(
                    "Two years ago our social workers moved into the same base as the "
                    "community mental health team and now share a single locality manager. "
                    "We still carry out Care Act assessments, but they are planned alongside "
                    "the clinical care plan rather than after it."
                ),
            ),
            (
                "image",
                "hillside-terraces",
                "Abstract picture in plum and orange bands",
                "Housing, money and work come up in nearly every conversation.",
            ),
            (
                "quote",
                (
                    "Housing, debt and loneliness are not side issues. For many people they are "
                    "the main issue."
                ),
                "Fiona McBride",
            ),
            (
                "callout",
                "Three things that helped",
                ul(
                    "One duty rota covering health and social care referrals",
                    "Access for social workers to the trust's records system, and vice versa",
                    "Joint training on risk, because we were taught to think about it differently",
                ),
            ),
        ],
    },
    {
        "slug": "talking-therapies-and-the-cmht-closing-the-gap",
        "title": "Talking Therapies and the CMHT: closing the gap in the middle",
        "date": datetime.date(2025, 2, 19),
        "summary": (
            "People too complex for Talking Therapies but not unwell enough for the "
            "community team used to fall through the middle. A shared triage is changing that."
        ),
        "authors": ["amara-nwosu"],
        "audience": "public",
        "themes": ["access-no-wrong-door", "primary-secondary-integration", "care-planning"],
        "sectors": ["talking-therapies", "secondary-mental-health"],
        "region": "london",
        "keywords": ["NHS Talking Therapies", "IAPT", "CMHT", "pathway", "triage"],
        "share_image": "city-canal",
        "body": [
            (
                "text",
                p(
                    "Anyone who has worked in NHS Talking Therapies (once known as IAPT) "
                    "knows the person who is assessed as too complex for us, referred to the "
                    "community mental health team, and then told they do not meet its "
                    "threshold. In Lambridge we called it the gap in the middle."
                )
                + h2("A shared front door")
                + p(
                    "Since last autumn both services have met weekly to discuss anyone either "
                    "one is unsure about. Instead of a letter going one way and a rejection "
                    "coming back, the two services agree a plan in the room, sometimes a "
                    "combination: step-up therapy with a psychiatrist's advice, or CMHT "
                    "support while a person waits for trauma-focused therapy."
                ),
            ),
            (
                "quote",
                (
                    "Nobody leaves the meeting without a named service responsible for the "
                    "next step."
                ),
                "Talking Therapies pathway lead",
            ),
            (
                "callout",
                "Principles we agreed",
                ul(
                    "Refer once: the services handle any onward move between them",
                    "Shared care is allowed, not treated as a failure",
                    "Disagreements are settled by the two clinical leads within a week",
                ),
            ),
            (
                "text",
                p(
                    "It is early days, and we are piloting in two of the borough's five "
                    "neighbourhoods. The full write-up will appear as a case study once we "
                    "have a year of data."
                ),
            ),
        ],
    },
    {
        "slug": "reaching-people-with-smi-who-never-come-to-us",
        "title": "Reaching people with severe mental illness who never come to us",
        "date": datetime.date(2025, 5, 8),
        "summary": (
            "Neighbourhood teams are good at helping those who ask. A nurse and a researcher "
            "reflect on the people with the most severe illness who do not."
        ),
        "authors": ["colin-ferris", "joseph-kaye"],
        "audience": "public",
        "themes": ["smi-physical-health", "health-inequalities", "neighbourhood-teams"],
        "sectors": ["secondary-mental-health", "research-education"],
        "region": "east-of-england",
        "keywords": ["SMI", "outreach", "physical health checks", "inequalities"],
        "share_image": "coastal-path",
        "body": [
            (
                "text",
                p(
                    "Research with four neighbourhood teams found that nearly everybody who "
                    "came forward got some kind of offer. Very few teams, though, went "
                    "looking for people with severe mental illness (SMI) who had drifted "
                    "out of contact. Those are often the people whose physical health is "
                    "worst."
                )
                + h2("Using the practice register")
                + p(
                    "In Fenbridge we started with the SMI register that every GP practice "
                    "keeps. Together with the practices we listed everyone who had had no "
                    "physical health check and no mental health contact for a year, and "
                    "wrote to them, then phoned, then knocked on doors with a peer worker."
                ),
            ),
            (
                "image",
                "coastal-path",
                "Abstract picture in sea blues",
                "Outreach on a rural and coastal patch means a lot of driving.",
            ),
            (
                "quote",
                (
                    "He said no one had asked how he was for three years. He had simply stopped "
                    "turning up, and the letters stopped too."
                ),
                "Community psychiatric nurse",
            ),
            (
                "callout",
                "What we would tell other teams",
                ul(
                    "Outreach needs protected time; it will not fit around a full caseload",
                    "Peer workers open doors that clinicians cannot",
                    "Offer the health check where the person is, not at the surgery",
                ),
            ),
        ],
    },
    {
        "slug": "network-meeting-notes-data-sharing",
        "title": "Network meeting notes: the data sharing we still cannot do",
        "date": datetime.date(2025, 7, 15),
        "summary": (
            "A members-only summary of the summer meeting on information sharing between the "
            "NHS, councils and the voluntary sector, including live local problems."
        ),
        "collective": True,
        "audience": "members",
        "themes": ["data-information-sharing", "vcse-partnership"],
        "sectors": ["vcse", "secondary-mental-health", "primary-care", "commissioning"],
        "region": "south-west",
        "keywords": ["information governance", "data sharing", "records", "consent"],
        "share_image": "library-steps",
        "body": [
            (
                "text",
                p(
                    "These notes stay within the network because several members described "
                    "local disagreements that are still being worked through. They were "
                    "collated after the July meeting and agreed by those present."
                )
                + h2("Where we are stuck")
                + ul(
                    "Voluntary sector staff in joint teams cannot see trust records, so "
                    "people repeat their story",
                    "Data-sharing agreements take months and differ between trusts",
                    "Outcome data from small groups is collected on paper and never returns "
                    "to the NHS",
                ),
            ),
            (
                "quote",
                (
                    "We can sit in the same meeting and talk about the same person, but we "
                    "cannot write anything down in the same place."
                ),
                "Voluntary sector team leader",
            ),
            (
                "text",
                h2("What has worked somewhere")
                + p(
                    "One area has given alliance staff read-only access to a shared care "
                    "record after a single joint agreement signed by every partner. Another "
                    "uses a simple consent form, written with experts by experience, that "
                    "covers sharing with all members of the neighbourhood team at once."
                ),
            ),
            (
                "callout",
                "Actions",
                ul(
                    "The facilitator will gather examples of data-sharing agreements",
                    "Members will bring anonymised consent forms to the next meeting",
                ),
            ),
        ],
    },
    {
        "slug": "commissioning-for-the-long-haul",
        "title": "Commissioning for the long haul",
        "date": datetime.date(2025, 10, 2),
        "summary": (
            "A commissioner argues that short contracts undo the relationships community "
            "mental health transformation depends on."
        ),
        "authors": ["helen-cartwright"],
        "audience": "public",
        "themes": ["funding-commissioning", "vcse-partnership"],
        "sectors": ["commissioning", "vcse"],
        "region": "north-east-yorkshire",
        "keywords": ["commissioning", "contracts", "ICB", "VCSE", "sustainability"],
        "share_image": "market-square",
        "body": [
            (
                "text",
                p(
                    "I have commissioned voluntary sector mental health services for over a "
                    "decade. The pattern has been one or two year grants, a scramble to "
                    "recruit, a year of good work, and then staff leaving because the "
                    "contract end is in sight. We cannot build neighbourhood teams on that."
                )
                + h2("What we are trying instead")
                + p(
                    "Our integrated care board has moved the core voluntary sector offer to "
                    "five-year agreements with a break clause, rather than annual renewals. "
                    "Funding includes a share for coordination, training and time spent in "
                    "joint meetings, which used to be treated as an unpaid extra."
                ),
            ),
            (
                "quote",
                (
                    "Relationships are the infrastructure. If we will not pay for them we "
                    "should not be surprised when they fall apart."
                ),
                "Helen Cartwright",
            ),
            (
                "callout",
                "For fellow commissioners",
                ul(
                    "Budget for the time partnership takes, not just contact hours",
                    "Keep reporting proportionate to the size of the organisation",
                    "Agree early how joint work will be protected if money gets tighter",
                ),
            ),
            (
                "image",
                "market-square",
                "Abstract picture in terracotta and sage",
                "Long contracts give small organisations room to plan.",
            ),
        ],
    },
    {
        "slug": "public-health-and-mental-health-two-vocabularies",
        "title": "Public health and mental health: one budget line, two vocabularies",
        "date": datetime.date(2026, 1, 21),
        "summary": (
            "Jointly funded community projects work best when partners stop arguing over "
            "whether an activity counts as prevention or recovery."
        ),
        "authors": ["rhys-morgan"],
        "audience": "public",
        "themes": ["prevention-public-health", "health-inequalities", "funding-commissioning"],
        "sectors": ["public-health", "vcse"],
        "region": "east-of-england",
        "keywords": ["public health", "prevention", "joint funding", "peer spaces"],
        "share_image": "estuary-morning",
        "body": [
            (
                "text",
                p(
                    "When public health and the mental health trust first pooled money for a "
                    "coastal community project, our first argument was about words. We "
                    "called it resilience building; the trust called it recovery; the "
                    "voluntary group running it called it a Tuesday afternoon drop-in."
                )
                + p(
                    "We were all right. The same peer group can be prevention for someone "
                    "who is struggling for the first time and part of recovery for someone "
                    "just discharged from the community team."
                ),
            ),
            (
                "quote",
                "People do not care which budget their cup of tea came from.",
                "Volunteer at a community drop-in",
            ),
            (
                "callout",
                "How we made joint funding work",
                ul(
                    "One shared outcome framework, reported once, to both funders",
                    "A steering group that includes people who use the project",
                    "Agreement that either funder can refer, and so can anyone else",
                ),
            ),
            (
                "image",
                "estuary-morning",
                "Abstract picture in blue and gold",
                "Coastal towns carry some of the region's highest levels of need.",
            ),
        ],
    },
    {
        "slug": "researcher-in-residence-four-neighbourhood-teams",
        "title": "Researcher in residence: what four neighbourhood teams taught us",
        "date": datetime.date(2026, 4, 9),
        "summary": (
            "Two years observing neighbourhood mental health teams suggests culture and "
            "relationships matter more than structure charts."
        ),
        "authors": ["joseph-kaye"],
        "audience": "public",
        "themes": ["neighbourhood-teams", "supervision-culture", "primary-secondary-integration"],
        "sectors": ["research-education", "secondary-mental-health", "primary-care", "vcse"],
        "region": "south-west",
        "keywords": ["research", "realist evaluation", "neighbourhood teams", "culture"],
        "share_image": "river-bridge",
        "body": [
            (
                "text",
                p(
                    "For two years I was embedded in four local systems, sitting in on "
                    "team meetings, reading anonymised case notes and interviewing NHS and "
                    "voluntary sector staff. Each had created neighbourhood teams bringing "
                    "together primary care, specialist services and the voluntary sector, "
                    "covering between roughly 30,000 and 150,000 people."
                )
                + h2("What got in the way")
                + ul(
                    "Power imbalances, especially between large trusts and small charities",
                    "Different ideas about how flexible an offer of help should be",
                    "Supervision that did not stretch across organisations",
                    "Working cultures that clashed in small but constant ways",
                ),
            ),
            (
                "image",
                "river-bridge",
                "Abstract picture in blue and mint",
                "Teams were sized to their neighbourhoods, so no two looked alike.",
            ),
            (
                "text",
                h2("What helped")
                + p(
                    "Flexible agreements about joint working, time for practitioners to get "
                    "to know one another, and liaison roles based in primary care made the "
                    "biggest difference. Structure alone did little."
                ),
            ),
            (
                "callout",
                "The question we could not answer",
                p(
                    "We still know too little about how people using these services "
                    "experience the changes. That is where the next study needs to start, "
                    "designed with people who use services from the outset."
                ),
            ),
        ],
    },
    {
        "slug": "older-adults-in-the-new-community-offer",
        "title": "Older adults in the new community offer",
        "date": datetime.date(2026, 9, 10),
        "summary": (
            "The framework covers older adults too, but neighbourhood teams are often "
            "designed around working-age people. Some practical fixes."
        ),
        "authors": ["colin-ferris"],
        "audience": "public",
        "themes": ["older-adults", "carers-families", "neighbourhood-teams"],
        "sectors": ["secondary-mental-health", "primary-care"],
        "region": "east-of-england",
        "keywords": ["older adults", "carers", "dementia", "rural"],
        "share_image": "orchard-dawn",
        "body": [
            (
                "text",
                p(
                    "When our area redesigned community mental health care, the new "
                    "neighbourhood teams were planned with working-age adults in mind. "
                    "Older people with long-standing illness, or depression later in life, "
                    "kept being referred to memory services by default."
                )
                + h2("Small changes that helped")
                + ul(
                    "An older adults practitioner attends every neighbourhood meeting",
                    "Home visits are the default, not the exception",
                    "Carers are offered their own conversation, separately from the person",
                    "Voluntary sector partners include groups that older men actually attend",
                ),
            ),
            (
                "quote",
                "Low mood at eighty is not just old age, and it is very treatable.",
                "Community psychiatric nurse, older adults",
            ),
            (
                "callout",
                "Over to you",
                p(
                    "Members who have built age-inclusive neighbourhood teams are warmly "
                    "invited to share their approach at a future meeting."
                ),
            ),
        ],
    },
]
