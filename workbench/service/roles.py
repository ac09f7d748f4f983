"""Roles and what each may do: a table, so the service checks one place.

The service layer (not the UI) calls :func:`require` before every use case, so a
script or a second UI cannot bypass the rules.  A user may hold several roles; the
permissions are the union.
"""

from __future__ import annotations

from collections.abc import Iterable

from workbench.errors import PermissionDenied

TRANSLATOR = "translator"
EDITOR = "editor"
GLOSSARY_MAINTAINER = "glossary_maintainer"
ADMIN = "admin"

ROLES: tuple[str, ...] = (TRANSLATOR, EDITOR, GLOSSARY_MAINTAINER, ADMIN)

# Permission names are the verbs of the service; "view" covers reading documents,
# reviews, history, the glossary and the dashboard.
_TRANSLATOR = frozenset({
    "view", "correct", "review", "dismiss", "tag_mqm", "realign", "suggest_term",
    "machine_translate",
})
PERMISSIONS: dict[str, frozenset[str]] = {
    TRANSLATOR: _TRANSLATOR,
    EDITOR: _TRANSLATOR | {"approve", "export", "import"},
    GLOSSARY_MAINTAINER: frozenset({"view", "suggest_term", "edit_glossary", "approve_term"}),
    ADMIN: frozenset(),  # every permission: see allows()
}

# Read by the UI to explain a refusal in words.
ACTION_TITLES: dict[str, str] = {
    "view": "read documents and reviews",
    "correct": "save corrections",
    "review": "mark paragraphs as reviewed",
    "dismiss": "dismiss findings",
    "tag_mqm": "tag MQM errors",
    "realign": "change the alignment",
    "machine_translate": "send text to the online machine translation service",
    "suggest_term": "suggest glossary terms",
    "approve": "approve paragraphs",
    "export": "export documents",
    "import": "import documents",
    "edit_glossary": "edit the glossary",
    "approve_term": "approve or reject glossary suggestions",
    "manage_users": "manage users",
}


def parse_roles(roles: Iterable[str] | str) -> frozenset[str]:
    """Roles from a list or a comma/space separated string; unknown names refused."""
    if isinstance(roles, str):
        roles = roles.replace(",", " ").split()
    found = frozenset(r.strip().lower().replace("-", "_") for r in roles if r.strip())
    unknown = sorted(found - set(ROLES))
    if unknown:
        raise PermissionDenied(
            f"unknown role {', '.join(unknown)}: choose from {', '.join(ROLES)}"
        )
    if not found:
        raise PermissionDenied(f"a user needs at least one role: {', '.join(ROLES)}")
    return found


def allows(roles: Iterable[str], action: str) -> bool:
    """Whether any of ``roles`` grants ``action`` (admin grants everything)."""
    roles = set(roles)
    if ADMIN in roles:
        return True
    return any(action in PERMISSIONS.get(role, ()) for role in roles)


def require(name: str, roles: Iterable[str], action: str) -> None:
    """Raise :class:`PermissionDenied` naming the user, the action and who may do it."""
    if allows(roles, action):
        return
    holders = [r for r in ROLES if r == ADMIN or action in PERMISSIONS[r]]
    title = ACTION_TITLES.get(action, action)
    raise PermissionDenied(
        f"user {name!r} (roles: {', '.join(sorted(roles)) or 'none'}) may not {title}; "
        f"ask an admin for one of the roles: {', '.join(holders)}"
    )
