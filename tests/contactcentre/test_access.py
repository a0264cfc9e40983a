"""Who sees which case: the rules of contactcentre.access, role by role."""

import pytest

from contactcentre import access

pytestmark = pytest.mark.django_db


def test_confidential_areas_route_straight_to_their_department(cases):
    assert cases["social"].confidential
    assert cases["social"].department.name == "Socialförvaltningen"
    assert not cases["lamp"].confidential
    assert cases["lamp"].department.name == "Teknik"
    assert cases["lamp"].committee == cases["lamp"].department.committee


@pytest.mark.parametrize(
    ("role", "lamp", "social"),
    [
        ("agent", True, False),
        ("teknik", True, False),
        ("social", False, True),
        ("outsider", False, False),
        ("admin", True, True),
    ],
)
def test_who_sees_which_case(staff, cases, role, lamp, social):
    user = staff[role]
    visible = set(access.visible_cases(user))
    assert (cases["lamp"] in visible) is lamp
    assert (cases["social"] in visible) is social
    assert access.can_view(user, cases["lamp"]) is lamp
    assert access.can_view(user, cases["social"]) is social


def test_the_agent_who_logged_a_confidential_case_sees_only_its_reference(staff, cases):
    assert list(access.reference_only_cases(staff["agent"])) == [cases["social"]]
    assert list(access.reference_only_cases(staff["teknik"])) == []


def test_anonymous_users_see_nothing(cases):
    from django.contrib.auth.models import AnonymousUser

    assert not access.visible_cases(AnonymousUser()).exists()


def test_registry_work_belongs_to_the_department(staff, cases):
    assert access.can(staff["teknik"], access.REGISTER, cases["lamp"])
    assert not access.can(staff["agent"], access.REGISTER, cases["lamp"])
    assert access.can(staff["agent"], access.REPLY, cases["lamp"])
    assert not access.can(staff["agent"], access.REPLY, cases["social"])


def test_unknown_actions_are_refused_loudly(staff, cases):
    with pytest.raises(ValueError):
        access.can(staff["admin"], "delete_everything", cases["lamp"])


@pytest.mark.usefixtures("demo")
def test_reference_only_cases_are_the_logged_confidential_cases_the_user_may_not_open(django_user_model):
    """The fast rule in access.reference_only_cases gives what its definition says, for every demo user."""
    from contactcentre.models import Case

    for user in django_user_model.objects.all():
        defined = (
            Case.objects.filter(opened_by=user, confidential=True)
            .exclude(pk__in=access.visible_cases(user).values("pk"))
            .values_list("pk", flat=True)
        )
        assert set(access.reference_only_cases(user).values_list("pk", flat=True)) == set(defined), user
    assert any(access.reference_only_cases(user).exists() for user in django_user_model.objects.all())
