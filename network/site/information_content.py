"""The first version of the standard information pages, which facilitators then edit.

It states what the code really does (what is stored, for how long, which cookies are
set, what was tested), so it must change when those do. The data migration and the demo
loader both start a site from it, and only ever add a page that is missing, so a
facilitator's edits are never overwritten.
"""

from django.db import transaction
from django.utils import timezone

URGENT_HELP = (
    "<p>This site is not watched all the time. If you need help now, do not post or send a "
    "message here: call 999 if a life is at risk, call NHS 111 and choose the mental "
    "health option, or call Samaritans free on 116 123, day or night.</p>"
)

PAGES = [
    {
        "purpose": "about",
        "slug": "about",
        "title": "About the network",
        "summary": (
            "A place for people working to join up community mental health care in England "
            "to share what they are learning."
        ),
        "body": (
            "<h2>Who it is for</h2>"
            "<p>Members work in NHS mental health trusts, GP practices and primary care "
            "networks, the voluntary and community sector, local councils and public health. "
            "Many members have their own lived experience of mental illness, or care for "
            "someone who does.</p>"
            "<p>Anyone can read the public reflections and case studies. Members can also "
            "post, comment and read what is shared for members only.</p>"
            "<h2>What it is for</h2>"
            "<p>The Community Mental Health Framework asks services in England to work "
            "together around neighbourhoods. Members post short reflections on what worked, "
            "what did not and what they are still unsure about, and facilitators gather "
            "good-practice case studies that can be compared side by side.</p>"
            "<h2>Who runs it</h2>"
            "<p>A small team of facilitators runs the network. They read every reflection "
            "before it is published, look after the case studies and answer messages sent "
            'through the <a href="/contact/">contact form</a>. The site is not run by the '
            "NHS and does not give medical advice.</p>"
            "<h2>Outside England</h2>"
            "<p>The framework applies to England only. Members in Scotland, Wales and "
            "Northern Ireland are welcome, and their work is marked as outside the "
            "framework, because the policies and services there are different.</p>"
        ),
    },
    {
        "purpose": "accessibility",
        "slug": "accessibility",
        "title": "Accessibility statement",
        "summary": (
            "We want as many people as possible to be able to use this website. This page "
            "says how accessible it is, how it was tested and how to tell us about a problem."
        ),
        "body": (
            "<h2>Using this website</h2>"
            "<p>You should be able to:</p>"
            "<ul>"
            "<li>zoom in up to 400% without text spilling off the screen</li>"
            "<li>use the site on a screen as narrow as 320 pixels without scrolling "
            "sideways</li>"
            "<li>get to every link, button and form using only a keyboard, and see where "
            "you are on the page</li>"
            "<li>read and search the site with JavaScript turned off</li>"
            "</ul>"
            "<p>The site uses the NHS.UK design system, which is built and tested to be "
            'accessible. <a href="https://mcmw.abilitynet.org.uk/">AbilityNet</a> has '
            "advice on making your device easier to use if you have a disability.</p>"
            "<h2>How accessible this website is</h2>"
            "<p>We know some parts are not fully accessible:</p>"
            "<ul>"
            "<li>documents attached to case studies, such as PDFs, may not work well with a "
            "screen reader</li>"
            "<li>videos embedded from other websites may not have captions</li>"
            "<li>pictures members add to their reflections may have missing or short "
            "descriptions</li>"
            "</ul>"
            "<h2>Feedback and contact information</h2>"
            "<p>If you need something on this site in a different format, such as large "
            'print or plain text, or you find a problem, <a href="/contact/">contact the '
            "facilitators</a> and choose \u201ca problem using the site\u201d. We will reply "
            "within 5 working days.</p>"
            "<h2>Enforcement procedure</h2>"
            "<p>The Equality and Human Rights Commission (EHRC) is responsible for enforcing "
            "the accessibility regulations. If you are not happy with how we respond to your "
            "complaint, contact the "
            '<a href="https://www.equalityadvisoryservice.com/">Equality Advisory and '
            "Support Service (EASS)</a>.</p>"
            "<h2>Technical information about this website\u2019s accessibility</h2>"
            "<p>We aim to meet the standard that the Public Sector Bodies (Websites and Mobile "
            "Applications) (No. 2) Accessibility Regulations 2018 set for public sector "
            "websites.</p>"
            "<h3>Compliance status</h3>"
            "<p>This website is partially compliant with the Web Content Accessibility "
            "Guidelines version 2.2 AA standard, because of the problems listed above.</p>"
            "<h2>How we tested this website</h2>"
            "<p>Every change to the site is tested automatically before it goes live:</p>"
            "<ul>"
            "<li>an automated checker (axe-core) runs against WCAG 2.2 A and AA rules in the "
            "Chromium browser on every kind of page: the home page, reflections and case "
            "studies and their lists and filters, comparing case studies, search in all its "
            "states, theme, sector and region pages, the member directory and profiles, "
            "signing in and up, sharing a reflection, editing a profile, your data, joining "
            "the network, these information pages and the contact form, including pages "
            "showing form errors</li>"
            "<li>each of those pages is checked at 320 pixels wide for sideways scrolling, "
            "and for a visible focus indicator when moving through it with the Tab key</li>"
            "<li>whole journeys are tested using only a keyboard: joining the network and "
            "sharing a reflection, and searching, filtering and comparing case studies</li>"
            "<li>search is also tested with JavaScript turned off</li>"
            "</ul>"
            "<p>Automated checks find only some problems, so we also welcome your "
            "feedback.</p>"
            "<h2>What we are doing to improve accessibility</h2>"
            "<p>Facilitators check picture descriptions, documents and videos when they "
            "review reflections and case studies. We will update this statement as the "
            "problems above are fixed.</p>"
        ),
    },
    {
        "purpose": "privacy",
        "slug": "privacy",
        "title": "Privacy notice",
        "summary": (
            "What we keep about you when you use this site, why, for how long, and what "
            "you can do about it."
        ),
        "body": (
            "<h2>If you only read the site</h2>"
            "<p>You do not need an account to read public pages. We do not use analytics "
            "or advertising tools, and nothing on the site tracks you. When you search, we "
            "count the words searched for and the results opened each day, so facilitators "
            "can see what people look for. We do not record who searched. These counts are "
            "kept for about a year.</p>"
            "<p>To stop automated attacks, the site counts requests from each internet "
            "connection or account for a short time, an hour at most. These counts are not "
            "stored in the database.</p>"
            "<h2>If you have an account</h2>"
            "<p>We keep:</p>"
            "<ul>"
            "<li>your email address, a scrambled form of your password (we cannot see the "
            "password itself), when you joined and when you last signed in</li>"
            "<li>your application to join: your name, organisation, role, sector, region, "
            "why you wanted to join and the facilitators\u2019 decision</li>"
            "<li>your profile, if you fill it in: name, role, organisation, sector, region, "
            "interests, a short bio and a photo, and who you chose can see it</li>"
            "<li>the reflections you write and the local examples you suggest for the case "
            "study library, including drafts and earlier versions</li>"
            "<li>your comments, and any reports you make about posts or comments</li>"
            "<li>the events you book, or wait for a place at, so the organisers know who "
            "is coming; facilitators can download the list of names, organisations and "
            "email addresses for each event</li>"
            "<li>what you follow, the notifications the site shows you and which emails "
            "you chose to get; a notification is kept until your account is deleted</li>"
            "<li>if we warned you that something you wrote might identify a person, the "
            "kind of detail we warned about (not the detail itself)</li>"
            "</ul>"
            "<p>We use this to run the network: to decide on applications, show your work "
            "with your name if you choose, moderate posts and send you emails about them. "
            "The legal basis is our legitimate interest in running a network you asked to "
            "join. We do not sell or share your information, and we do not use it for "
            "marketing.</p>"
            "<h2>If you contact us</h2>"
            "<p>Messages sent through the contact form (your name, email address, topic "
            "and message) are emailed to the facilitators and kept for one year, then "
            "deleted automatically.</p>"
            "<h2>Emails</h2>"
            "<p>If an email to you cannot be delivered, the facilitators see your address "
            "and the subject for 30 days so they can reach you another way.</p>"
            "<h2>Backups</h2>"
            "<p>The database and uploaded files are backed up regularly and the copies are "
            "kept securely away from the site. Something deleted from the site stays in "
            "older backups until they are replaced.</p>"
            "<h2>Your rights</h2>"
            "<p>You have the right to see the information we hold about you, to correct it, "
            "to have it deleted and to object to how we use it.</p>"
            "<ul>"
            '<li>Download everything we hold about you from <a href="/profile/data/">your '
            "data</a> when you are signed in. You get one file with your account, "
            "application, profile, reflections, case study suggestions, comments, "
            "reports, what you follow and your notifications.</li>"
            "<li>Change your profile, or who can see it, at any time.</li>"
            "<li>Delete your account from the same page. Your account, profile and photo "
            "are erased, with your drafts and anything still waiting to be checked. "
            "Published reflections stay, credited to \u201ca former member\u201d, unless you "
            "choose to withdraw them too. Comments stay without your name.</li>"
            "</ul>"
            '<p>For anything else, <a href="/contact/">contact the facilitators</a> and '
            "choose \u201cyour data and privacy\u201d. If you are unhappy with how we use "
            "your information, you can complain to the "
            '<a href="https://ico.org.uk/make-a-complaint/">Information Commissioner\u2019s '
            "Office</a>.</p>"
            "<h2>Cookies</h2>"
            '<p>We only use the cookies the site needs to work. See <a href="/cookies/">'
            "cookies</a>.</p>"
        ),
    },
    {
        "purpose": "cookies",
        "slug": "cookies",
        "title": "Cookies",
        "summary": (
            "Cookies are small files saved on your phone, tablet or computer. This site "
            "only uses the ones it needs to work."
        ),
        "body": (
            "<p>We do not use cookies to track you, measure visits or show adverts, so we do "
            "not ask you to accept cookies.</p>"
            "<h2>Cookies we use</h2>"
            "<ul>"
            "<li><strong>sessionid</strong> keeps you signed in, and remembers where you are "
            "when you sign up. It lasts until you close your browser, or 2 weeks if you "
            "ask the site to remember you. Signing out removes it.</li>"
            "<li><strong>csrftoken</strong> stops other websites sending forms in your name. "
            "It is set when you open a page with a form and lasts a year.</li>"
            "<li><strong>messages</strong> shows a message after you do something, such as "
            "\u201cyour comment will appear once a facilitator has read it\u201d. It is removed "
            "as soon as the message has been shown.</li>"
            "</ul>"
            "<p>Videos that members include in reflections are played from YouTube\u2019s "
            "privacy-enhanced service or from Vimeo. Those sites may set their own cookies "
            "when you play a video.</p>"
        ),
    },
    {
        "purpose": "terms",
        "slug": "terms",
        "title": "Terms of use",
        "summary": "What you agree to when you use this site and post on it.",
        "body": (
            "<h2>Using the site</h2>"
            "<p>Anyone may read and link to the public pages. Reflections and case studies "
            "are shared to help people learn. Credit the author and the network if you "
            "quote them.</p>"
            "<p>Nothing on this site is medical advice. Talk to a health professional about "
            "your own care.</p>"
            "<h2>Posting as a member</h2>"
            "<p>When you post, you agree to:</p>"
            "<ul>"
            "<li>never include anything that could identify a patient, carer or colleague "
            "who has not agreed to it</li>"
            "<li>be respectful, including when you disagree</li>"
            "<li>only post what you have the right to share</li>"
            '<li>follow the <a href="/moderation-policy/">moderation policy</a></li>'
            "</ul>"
            "<p>You keep the rights to what you write. By posting, you let the network show "
            "it on this site. Published reflections stay part of the network\u2019s shared "
            "record if you leave, unless you ask for them to be withdrawn.</p>"
            "<h2>Members-only content</h2>"
            "<p>Some discussion is for members only so people can speak openly. Do not copy "
            "it outside the network without the author\u2019s agreement.</p>"
            "<h2>Ending membership</h2>"
            "<p>You can delete your account at any time. Facilitators may end the "
            "membership of someone who keeps breaking these terms, and will tell them "
            "why.</p>"
        ),
    },
    {
        "purpose": "moderation-policy",
        "slug": "moderation-policy",
        "title": "Moderation policy",
        "summary": (
            "How facilitators check what members post, what they remove and why, and what "
            "you can do if you disagree."
        ),
        "body": (
            "<h2>What facilitators check</h2>"
            "<p>A facilitator reads every reflection before it is published. A member\u2019s "
            "first few comments also wait for a facilitator; after that they appear straight "
            "away. Before you post, the site warns you if it spots something that looks like "
            "an NHS number, a date of birth, a phone number or an email address. It cannot "
            "spot names, so please check for those yourself.</p>"
            "<h2>What we remove</h2>"
            "<ul>"
            "<li>anything that could identify a patient, carer or colleague</li>"
            "<li>abuse, harassment or discrimination</li>"
            "<li>advertising and spam</li>"
            "<li>content that breaks the law or someone else\u2019s copyright</li>"
            "<li>detailed descriptions of self-harm or suicide methods, which can put "
            "readers at risk</li>"
            "</ul>"
            "<p>We do not remove posts because they criticise a service or an "
            "organisation. Honest accounts of what did not work are what the network is "
            "for.</p>"
            "<h2>Lived experience</h2>"
            "<p>Members are welcome to write about hard times. If a post suggests someone "
            "may be at risk, a facilitator may contact them privately to point them to "
            "urgent help.</p>"
            "<h2>Reports</h2>"
            "<p>Members can report any post or comment. Facilitators read every report. If "
            "3 different members report the same thing, it is hidden until a facilitator "
            "has looked at it.</p>"
            "<h2>If something of yours is changed or removed</h2>"
            "<p>The facilitator will tell you what needs changing and why. If you disagree, "
            '<a href="/contact/">contact the facilitators</a> and choose \u201csomething '
            "posted on the site\u201d. Another facilitator will look at it again.</p>"
        )
        + URGENT_HELP,
    },
]


def missing_pages(existing_purposes):
    return [spec for spec in PAGES if spec["purpose"] not in existing_purposes]


@transaction.atomic
def ensure_information_pages(home):
    """Add, under the home page, each standard page the site does not have yet, published."""
    from network.models import InformationPage

    existing = set(InformationPage.objects.exclude(purpose="").values_list("purpose", flat=True))
    taken = set(home.get_children().values_list("slug", flat=True))
    created = []
    for spec in missing_pages(existing):
        slug = spec["slug"] if spec["slug"] not in taken else f"{spec['slug']}-page"
        page = InformationPage(
            title=spec["title"],
            slug=slug,
            purpose=spec["purpose"],
            summary=spec["summary"],
            body=spec["body"],
            last_reviewed=timezone.localdate(),
        )
        home.add_child(instance=page)
        page.save_revision().publish()
        created.append(page)
    return created
