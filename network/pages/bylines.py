"""Who a post or comment is credited to, as the person reading it is allowed to know.

A member who hides their profile (or keeps it to members) has said who may see who they
are. A byline that names them, or links to a profile page that then answers 404, gives
away what the profile page itself refuses to show. So every byline asks this module:
the post page, listing cards, comments, feeds and structured data. A reader sees an
author's name and link only where they could open that author's profile; anyone else
sees "A network member" with nothing to follow.

Feeds and structured data are read by feed readers, search engines and link previews,
never by the signed-in person, so they always take the visitor's view (``VISITOR``).
Pages take the viewer's own view, except the pages shared by an audience
(network/caching/audience_cache.py), which take the audience's: a member whose profile is hidden
sees their own byline there as other members see it.
"""

from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser

NETWORK_MEMBER = "A network member"

VISITOR = AnonymousUser()


@dataclass(frozen=True)
class Credit:
    name: str
    url: str = ""
    role: str = ""
    placeholder: bool = False

    @property
    def in_sentence(self):
        """How the credit reads after "By": a placeholder is not a proper name."""
        if self.placeholder:
            return self.name[:1].lower() + self.name[1:]
        return self.name


def credit_for(profile, viewer):
    """The name, link and role of one member author, for this viewer."""
    if profile.is_former_member:
        # The account is gone; the placeholder stands for whoever it was, with no page.
        return Credit(profile.name, placeholder=True)
    if not profile.is_visible_to(viewer):
        return Credit(NETWORK_MEMBER, placeholder=True)
    return Credit(profile.name, profile.get_absolute_url(), profile.role)


def post_credits(post, viewer):
    """The post's member authors in order, each as this viewer may see them.

    Placeholders are listed once: "a network member and a network member" reads like a
    mistake, and counting the people who chose not to be named tells a reader nothing.
    """
    credits = []
    for profile in post.author_profiles():
        credit = credit_for(profile, viewer)
        if not (credit.placeholder and credit in credits):
            credits.append(credit)
    return credits


def author_line(post, viewer=VISITOR):
    """The post's authors as one line of plain text, or None for a post by the network."""
    if post.collective_author:
        return post.collective_author.name
    return ", ".join(credit.name for credit in post_credits(post, viewer)) or None


def comment_credit(comment, viewer):
    """The commenter by the same rule as a post's authors.

    An account with no profile has made no choice about being seen, so it keeps the
    label comments have always had.
    """
    profile = getattr(comment.author, "profile", None) if comment.author_id else None
    if profile is None:
        return Credit(comment.author_name, placeholder=comment.author_id is None)
    return credit_for(profile, viewer)
