"""The staff roles: one Wagtail group per role, and what each group may do.

Production and the demo set them up alike with ``manage.py setup_roles`` (docs/deploy.md names
the groups). Roles span the content and the cases, so they live in the project, not in an app.
Which cases a group's members see is decided elsewhere (``contactcentre/access.py``): an agent
by the ``contactcentre.work_queue`` permission, a case officer by the ``DepartmentGroup`` row
that links their group to a department.

Setting up is idempotent and only adds: a permission an administrator gave a group by hand is
kept (and reported), so running it on every deploy never undoes a local decision.
"""

from dataclasses import dataclass, field

from django.contrib.auth.models import Group, Permission
from django.db import transaction

from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Locale, Page

from contactcentre.models import ContactCentreSettings, DepartmentGroup
from pages.models import Department


@dataclass(frozen=True)
class Role:
    group: str
    # "app_label.codename" model permissions.
    permissions: tuple[str, ...]
    # Codenames held on the root page and the root collection: the whole tree and every collection.
    page_permissions: tuple[str, ...] = ()
    collection_permissions: tuple[str, ...] = ()
    about: str = field(default="", compare=False)


# Snippets and settings editors keep current next to the pages.
EDITED_CONTENT = (
    "faq",
    "blankett",
    "blankettcategory",
    "department",
    "servicearea",
    "openinghours",
    "committee",
    "party",
    "electedofficial",
)
# Wagtail's own defaults for its Editors and Moderators groups (from its migrations): the admin,
# translations, images and documents. Named here so a group deleted by mistake comes back whole.
_WAGTAIL_CONTENT = (
    "wagtailadmin.access_admin",
    "wagtail_localize.submit_translation",
    *(f"wagtaildocs.{action}_document" for action in ("add", "change", "choose", "delete")),
    *(f"wagtailimages.{action}_image" for action in ("add", "change", "choose", "delete")),
)
_MEDIA = (
    *(f"{action}_document" for action in ("add", "change", "choose")),
    *(f"{action}_image" for action in ("add", "change", "choose")),
)
_CANNED_REPLIES = tuple(f"contactcentre.{action}_cannedreply" for action in ("add", "change"))

EDITORS = Role(
    "Editors",
    permissions=(
        *_WAGTAIL_CONTENT,
        *(f"pages.{action}_{model}" for model in EDITED_CONTENT for action in ("add", "change", "delete")),
        "pages.change_municipalitysettings",
        # Svarsmallar: the contact centre's canned replies are content editors help keep current.
        *_CANNED_REPLIES,
    ),
    page_permissions=("add_page", "change_page"),
    collection_permissions=_MEDIA,
    about="editors (redaktörer): pages, FAQ, blanketter, opening hours, canned replies",
)
MODERATORS = Role(
    "Moderators",
    permissions=_WAGTAIL_CONTENT,
    page_permissions=("add_page", "change_page", "publish_page", "lock_page", "unlock_page"),
    collection_permissions=_MEDIA,
    about="publish pages (with Editors: an editor who publishes)",
)
AGENTS = Role(
    "Kontaktcenter",
    permissions=("wagtailadmin.access_admin", "contactcentre.work_queue", *_CANNED_REPLIES),
    about="contact-centre agents (kommunvägledare): the queue, logging contacts, visitors",
)
MANAGERS = Role(
    "Kontaktcenterchef",
    permissions=(
        "wagtailadmin.access_admin",
        "contactcentre.view_statistics",
        "contactcentre.change_contactcentresettings",
        "contactcentre.add_servicelevel",
        "contactcentre.change_servicelevel",
        # GDPR art. 15: the manager answers a person's request for everything held about them.
        "contactcentre.export_registerutdrag",
    ),
    about=(
        "the contact centre's manager: statistics, targets, service levels, registerutdrag "
        "(with Kontaktcenter)"
    ),
)
ROLES = (EDITORS, MODERATORS, AGENTS, MANAGERS)

# Case officers (handläggare): one group per department, linked to it by a DepartmentGroup row.
CASE_OFFICER_PERMISSIONS = ("wagtailadmin.access_admin",)


def department_group_name(department) -> str:
    return f"Handläggare {department.name}"


def _permission(dotted):
    app_label, codename = dotted.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _grant(group, dotted_names, changes):
    held = set(group.permissions.values_list("content_type__app_label", "codename"))
    for dotted in dotted_names:
        if tuple(dotted.split(".")) not in held:
            group.permissions.add(_permission(dotted))
            changes.append(f"{group.name}: + {dotted}")


def _grant_on_tree(group, role, changes):
    root_page = Page.get_first_root_node()
    for codename in role.page_permissions:
        if root_page is None:
            break
        permission = Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
        _, created = GroupPagePermission.objects.get_or_create(
            group=group, page=root_page, permission=permission
        )
        if created:
            changes.append(f"{group.name}: + {codename} on all pages")
    root_collection = Collection.get_first_root_node()
    for codename in role.collection_permissions:
        if root_collection is None:
            break
        app_label = "wagtaildocs" if codename.endswith("_document") else "wagtailimages"
        permission = Permission.objects.get(content_type__app_label=app_label, codename=codename)
        _, created = GroupCollectionPermission.objects.get_or_create(
            group=group, collection=root_collection, permission=permission
        )
        if created:
            changes.append(f"{group.name}: + {codename} in all collections")


def _group(name, changes):
    group, created = Group.objects.get_or_create(name=name)
    if created:
        changes.append(f"group {name} created")
    return group


def _extras(group, role_permissions):
    expected = {tuple(dotted.split(".")) for dotted in role_permissions}
    held = set(group.permissions.values_list("content_type__app_label", "codename"))
    return sorted(".".join(pair) for pair in held - expected)


def _link_departments(changes, warnings):
    """Every department of the default language gets its case officers' group, unless it has one."""
    try:
        locale = Locale.get_default()
    except Locale.DoesNotExist:
        return
    linked = set(DepartmentGroup.objects.values_list("department_id", flat=True))
    contact_centre = ContactCentreSettings.objects.values_list("department_id", flat=True).first()
    for department in Department.objects.filter(locale=locale).order_by("name"):
        if department.pk in linked:
            continue
        # The contact centre's own department is worked by its agents.
        name = AGENTS.group if department.pk == contact_centre else department_group_name(department)
        group = _group(name, changes)
        if DepartmentGroup.objects.filter(group=group).exists():
            warnings.append(f"{name} already works for another department; {department} has no group")
            continue
        DepartmentGroup.objects.create(group=group, department=department)
        changes.append(f"{name} works for {department}")


@transaction.atomic
def setup_roles() -> tuple[list[str], list[str]]:
    """Create what is missing; return (changes made, warnings)."""
    changes, warnings = [], []
    for role in ROLES:
        group = _group(role.group, changes)
        _grant(group, role.permissions, changes)
        _grant_on_tree(group, role, changes)
    _link_departments(changes, warnings)
    role_groups = {role.group for role in ROLES}
    for link in DepartmentGroup.objects.select_related("group").exclude(group__name__in=role_groups):
        _grant(link.group, CASE_OFFICER_PERMISSIONS, changes)
        if extras := _extras(link.group, CASE_OFFICER_PERMISSIONS):
            warnings.append(f"{link.group.name} also holds {', '.join(extras)} (kept)")
    for role in ROLES:
        if extras := _extras(Group.objects.get(name=role.group), role.permissions):
            warnings.append(f"{role.group} also holds {', '.join(extras)} (kept)")
    return changes, warnings
