"""A case study's page costs the same queries whatever it lists: partners, their sectors,
themes and levels of care are read once each."""

import pytest

from casestudies.models import CaseStudyPage, CaseStudyPartner
from network.models import Sector
from tests.blog.test_post_queries import queries_for
from tests.factories import CaseStudyPageFactory, member_user

pytestmark = pytest.mark.django_db


def test_a_case_study_page_does_not_grow_with_its_partners(client, case_index):
    client.force_login(member_user())
    small = CaseStudyPageFactory(parent=case_index)
    big = CaseStudyPageFactory(parent=case_index)
    page = CaseStudyPage.objects.get(pk=big.pk)
    for number, sector in enumerate(Sector.objects.all()[:6]):
        page.partners.add(CaseStudyPartner(name=f"Partner {number}", sector=sector, role="lead"))
    page.save_revision().publish()
    for study in (small, big):  # the first request finds where each address leads
        queries_for(client, study)
    assert len(queries_for(client, big)) == len(queries_for(client, small))
