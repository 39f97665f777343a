from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from blog.models import BlogSeries, CollectiveAuthor


class BlogSeriesViewSet(SnippetViewSet):
    model = BlogSeries
    icon = "list-ul"
    list_display = ["title", "slug"]


class CollectiveAuthorViewSet(SnippetViewSet):
    model = CollectiveAuthor
    icon = "group"
    list_display = ["name"]


class BlogSnippetsGroup(SnippetViewSetGroup):
    menu_label = "Blog"
    menu_icon = "doc-full"
    menu_order = 220
    items = (BlogSeriesViewSet, CollectiveAuthorViewSet)


register_snippet(BlogSnippetsGroup)
