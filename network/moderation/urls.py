from django.urls import path

from . import discussion_views as discussion

urlpatterns = [
    path("comments/<id:page_id>/", discussion.comment_create, name="comment-create"),
    path("report/post/<id:pk>/", discussion.report_item, {"kind": "page"}, name="report-page"),
    path(
        "report/comment/<id:pk>/",
        discussion.report_item,
        {"kind": "comment"},
        name="report-comment",
    ),
]
