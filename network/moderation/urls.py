from django.urls import path

from . import discussion_views as discussion
from . import draft_views

urlpatterns = [
    path("share/<id:pk>/", draft_views.read_submission, name="share-read"),
    path("share/<id:pk>/withdraw/", draft_views.withdraw_submission, name="share-withdraw"),
    path("comments/<id:page_id>/", discussion.comment_create, name="comment-create"),
    path("report/post/<id:pk>/", discussion.report_item, {"kind": "page"}, name="report-page"),
    path(
        "report/comment/<id:pk>/",
        discussion.report_item,
        {"kind": "comment"},
        name="report-comment",
    ),
]
