from django.db import migrations, models


def render_existing(apps, schema_editor):
    from network.text.member_text import MemberText

    Comment = apps.get_model("network", "Comment")
    for comment in Comment.objects.only("pk", "body").iterator(chunk_size=500):
        Comment.objects.filter(pk=comment.pk).update(body_html=str(MemberText(comment.body).html))


class Migration(migrations.Migration):
    dependencies = [("network", "0005_comment_report")]

    operations = [
        migrations.AddField(
            model_name="comment",
            name="body_html",
            field=models.TextField(blank=True, editable=False),
        ),
        migrations.RunPython(render_existing, migrations.RunPython.noop),
    ]
