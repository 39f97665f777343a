"""Each facet value's link ticks or unticks that value alone and keeps everything else."""

from django.http import QueryDict

from search.facets import FacetCount, FacetResult
from search.results import add_toggle_queries


def _facet(param, *values):
    return FacetResult(param, param, [FacetCount(value, value, 1, False) for value in values])


def test_a_value_is_ticked_or_unticked_and_the_page_number_dropped():
    params = QueryDict("q=peer+support+%26+co&theme=a&page=3&theme=b&sector=x")
    themes, regions = _facet("theme", "a", "c"), _facet("region", "north-east")
    add_toggle_queries(params, [themes, regions])
    untick_a, tick_c = (value.toggle_query for value in themes.values)
    assert untick_a == "q=peer+support+%26+co&theme=b&sector=x"
    assert tick_c == "q=peer+support+%26+co&theme=a&theme=b&theme=c&sector=x"
    assert regions.values[0].toggle_query == (
        "q=peer+support+%26+co&theme=a&theme=b&sector=x&region=north-east"
    )


def test_unticking_the_only_value_leaves_the_rest():
    params = QueryDict("sector=x&q=caf%C3%A9")
    sectors = _facet("sector", "x")
    add_toggle_queries(params, [sectors])
    assert sectors.values[0].toggle_query == "q=caf%C3%A9"
    assert QueryDict(sectors.values[0].toggle_query)["q"] == "café"
