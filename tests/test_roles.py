"""The role table: who may do what, and how a refusal reads."""

from __future__ import annotations

import pytest

from workbench.errors import PermissionDenied
from workbench.service.roles import ACTION_TITLES, PERMISSIONS, ROLES, allows, parse_roles, require


@pytest.mark.parametrize("given, expected", [
    ("admin", {"admin"}),
    ("translator, editor", {"translator", "editor"}),
    (["Glossary-Maintainer"], {"glossary_maintainer"}),
])
def test_parse_roles(given, expected):
    assert parse_roles(given) == expected


@pytest.mark.parametrize("given", ["", "biên tập viên", ["translator", "root"]])
def test_parse_roles_refuses_unknown_or_none(given):
    with pytest.raises(PermissionDenied, match="role"):
        parse_roles(given)


@pytest.mark.parametrize("roles, action, allowed", [
    ({"translator"}, "correct", True),
    ({"translator"}, "approve", False),
    ({"editor"}, "approve", True),
    ({"editor"}, "edit_glossary", False),
    ({"glossary_maintainer"}, "approve_term", True),
    ({"glossary_maintainer"}, "correct", False),
    ({"translator", "glossary_maintainer"}, "approve_term", True),
    ({"admin"}, "manage_users", True),
    ({"editor"}, "manage_users", False),
    (set(), "view", False),
])
def test_allows(roles, action, allowed):
    assert allows(roles, action) is allowed


def test_refusal_names_user_action_and_who_may():
    with pytest.raises(PermissionDenied) as caught:
        require("Lan", {"translator"}, "approve")
    message = str(caught.value)
    assert "'Lan'" in message and "approve paragraphs" in message and "editor" in message


def test_every_permission_has_a_title():
    used = set().union(*PERMISSIONS.values()) | {"manage_users"}
    assert used <= set(ACTION_TITLES) and set(PERMISSIONS) == set(ROLES)
