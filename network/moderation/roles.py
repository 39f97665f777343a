"""The Facilitators and Members groups and the "Facilitator review" workflow.

They are ensured after every migrate rather than in a data migration because page,
collection and snippet permissions only exist once every app has been migrated.
Each step is idempotent, so a facilitator's later edits to the groups are kept.
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.management import create_contenttypes

from network.platform.membership import FACILITATORS_GROUP, MEMBERS_GROUP

WORKFLOW_NAME = "Facilitator review"

FACILITATOR_MODEL_PERMISSIONS = {
    "network": ["sector", "theme", "region", "carelevel", "memberprofile", "contactmessage"],
    "blog": ["blogseries", "collectiveauthor"],
    "taggit": ["tag"],
    "network_search": ["searchsynonym"],
}
PAGE_PERMISSIONS = [
    "add_page",
    "change_page",
    "publish_page",
    "bulk_delete_page",
    "lock_page",
    "unlock_page",
]
COLLECTION_PERMISSIONS = {
    "wagtailimages": ["add_image", "change_image", "choose_image", "delete_image"],
    "wagtaildocs": ["add_document", "change_document", "choose_document", "delete_document"],
}


def _permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def ensure_groups():
    from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

    facilitators, created = Group.objects.get_or_create(name=FACILITATORS_GROUP)
    Group.objects.get_or_create(name=MEMBERS_GROUP)
    # Model permissions are topped up on every migrate, so a model added later (such as
    # search synonyms) reaches an existing Facilitators group too.
    permissions = [_permission("wagtailadmin", "access_admin")]
    for app_label, model_names in FACILITATOR_MODEL_PERMISSIONS.items():
        for model_name in model_names:
            for action in ("add", "change", "delete", "view"):
                permissions.append(_permission(app_label, f"{action}_{model_name}"))
    facilitators.permissions.add(*permissions)
    if not created:
        return facilitators

    root_page = Page.get_first_root_node()
    root_collection = Collection.get_first_root_node()
    if root_page is None or root_collection is None:
        return facilitators  # a flushed test database: nothing to grant permissions on yet
    for codename in PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=facilitators, page=root_page, permission=_permission("wagtailcore", codename)
        )
    for app_label, codenames in COLLECTION_PERMISSIONS.items():
        for codename in codenames:
            GroupCollectionPermission.objects.get_or_create(
                group=facilitators,
                collection=root_collection,
                permission=_permission(app_label, codename),
            )
    return facilitators


def ensure_workflow(facilitators):
    from wagtail.models import Workflow, WorkflowTask

    from network.moderation import registry as reviewed

    FacilitatorReviewTask = reviewed.task_model()  # noqa: N806 (a model class)
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    task = FacilitatorReviewTask.objects.filter(name=WORKFLOW_NAME).first()
    if task is None:
        task = FacilitatorReviewTask.objects.create(name=WORKFLOW_NAME)
        task.groups.add(facilitators)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    return workflow


def assign_facilitator_review(page):
    """Put a blog or case study section (and so every page in it) under facilitator review."""
    from wagtail.models import Workflow, WorkflowPage

    workflow = Workflow.objects.filter(name=WORKFLOW_NAME).first()
    if workflow is not None:
        WorkflowPage.objects.get_or_create(page=page, defaults={"workflow": workflow})


def ensure_roles(**kwargs):
    for app_config in global_apps.get_app_configs():
        create_contenttypes(app_config, verbosity=0)
        create_permissions(app_config, verbosity=0)
    facilitators = ensure_groups()
    ensure_workflow(facilitators)

    from network.moderation import registry as reviewed

    for model in reviewed.section_models():
        for page in model.objects.all():
            assign_facilitator_review(page)
