"""``python -m workbench admin ...``: users and the database, from a shell.

    python -m workbench admin create-user NAME --role admin [--password P]
    python -m workbench admin disable-user NAME [--enable]
    python -m workbench admin list-users
    python -m workbench admin upgrade          # alembic upgrade head
    python -m workbench admin ensure-demo      # demo account + document on an empty db

The database is the app's (``WORKBENCH_DB_URL`` or SQLite under ``WORKBENCH_DATA_DIR``;
``--db URL`` overrides).  On an empty database ``create-user`` needs no sign-in (first
run); afterwards it acts as an admin named by ``--as`` whose password comes from
``WORKBENCH_AS_PASSWORD`` or a prompt, because the service checks roles for every
action.  A new user's password comes from ``--password``, ``WORKBENCH_PASSWORD`` or a
prompt (asked twice).
"""

from __future__ import annotations

import argparse
import getpass
import sys

from workbench.config import Settings
from workbench.errors import PermissionDenied
from workbench.service.roles import ROLES


def _service(args: argparse.Namespace):
    from workbench.service import open_service

    return open_service(args.db)


def _new_password(args: argparse.Namespace) -> str:
    if args.password:
        return args.password
    from_env = Settings.from_env().new_password
    if from_env:
        return from_env
    if not sys.stdin.isatty():
        raise PermissionDenied(
            "no password: give --password, set WORKBENCH_PASSWORD, or run in a terminal")
    first = getpass.getpass(f"Password for {args.name}: ")
    if getpass.getpass("Again: ") != first:
        raise PermissionDenied("the two passwords differ: run the command again")
    return first


def _acting_admin(service, args: argparse.Namespace):
    """None on an empty database (first run), else the signed-in ``--as`` admin."""
    if service.count_users() == 0:
        return None
    if not args.as_user:
        raise PermissionDenied(
            "users already exist: add --as ADMIN_NAME (password from WORKBENCH_AS_PASSWORD "
            "or a prompt)")
    password = Settings.from_env().as_password or getpass.getpass(
        f"Password for {args.as_user}: ")
    return service.authenticate(args.as_user, password).user


def cmd_create_user(args: argparse.Namespace) -> int:
    service = _service(args)
    # The first admin needs no sign-in, even after the app created the demo account.
    first_admin = "admin" in args.role and not service.has_admin()
    actor = None if first_admin else _acting_admin(service, args)
    user = service.create_user(actor, args.name, _new_password(args), args.role)
    print(f"created user {user.name} with roles {', '.join(sorted(user.roles))}")
    return 0


def cmd_disable_user(args: argparse.Namespace) -> int:
    service = _service(args)
    actor = _acting_admin(service, args)
    if actor is None:
        raise PermissionDenied("no users exist yet: create an admin first")
    user = service.disable_user(actor, args.name, disabled=not args.enable)
    print(f"user {user.name} is now {'disabled' if user.disabled else 'enabled'}")
    return 0


def cmd_list_users(args: argparse.Namespace) -> int:
    service = _service(args)
    actor = _acting_admin(service, args)
    if actor is None:
        print("no users yet")
        return 0
    for user in service.list_users(actor):
        state = " (disabled)" if user.disabled else ""
        print(f"{user.name}\t{','.join(sorted(user.roles))}{state}")
    return 0


def cmd_upgrade(args: argparse.Namespace) -> int:
    _service(args)  # opening the service runs alembic upgrade head
    print("database schema is up to date")
    return 0


def cmd_ensure_demo(args: argparse.Namespace) -> int:
    from workbench.service.bootstrap import ensure_demo

    doc = ensure_demo(_service(args))
    print(f"imported demo document {doc.id} ({doc.links} links)" if doc else
          "database not empty: nothing to do")
    return 0


def register(sub) -> None:
    """Add the ``admin`` command to the CLI's sub-parsers."""
    admin = sub.add_parser("admin", help="manage users and the database")
    admin.add_argument("--db", default=None, help="database URL (default: the app's)")
    commands = admin.add_subparsers(dest="admin_command", required=True)

    p = commands.add_parser("create-user", help="create a user (first run: the admin)")
    p.add_argument("name")
    p.add_argument("--role", action="append", required=True, choices=ROLES,
                   help="a role; repeat for several")
    p.add_argument("--password", default=None)
    p.add_argument("--as", dest="as_user", default=None, help="the admin doing this")
    p.set_defaults(func=cmd_create_user)

    p = commands.add_parser("disable-user", help="disable (or --enable) a user")
    p.add_argument("name")
    p.add_argument("--enable", action="store_true")
    p.add_argument("--as", dest="as_user", default=None)
    p.set_defaults(func=cmd_disable_user)

    p = commands.add_parser("list-users", help="list users and roles")
    p.add_argument("--as", dest="as_user", default=None)
    p.set_defaults(func=cmd_list_users)

    p = commands.add_parser("upgrade", help="migrate the database to the latest schema")
    p.set_defaults(func=cmd_upgrade)

    p = commands.add_parser("ensure-demo", help="demo account and document if empty")
    p.set_defaults(func=cmd_ensure_demo)
