"""``python -m workbench admin ...``: users and the database, from a shell.

    python -m workbench admin create-user NAME --role admin [--password P]
    python -m workbench admin create-user NAME --role admin --force-first-admin
    python -m workbench admin disable-user NAME [--enable]
    python -m workbench admin unlock-user NAME  # after too many failed sign-ins
    python -m workbench admin list-users
    python -m workbench admin backup FILE      # a consistent copy, the app may run
    python -m workbench admin restore FILE     # replace the database by a backup
    python -m workbench admin upgrade          # alembic upgrade head
    python -m workbench admin ensure-demo      # demo mode: demo account + document

The database is the app's (``WORKBENCH_DB_URL`` or SQLite under ``WORKBENCH_DATA_DIR``;
``--db URL`` overrides).  On an empty database ``create-user`` needs no sign-in (first
run); afterwards it acts as an admin named by ``--as`` whose password comes from
``WORKBENCH_AS_PASSWORD`` or a prompt, because the service checks roles for every
action.  ``--force-first-admin`` creates an admin without signing in on a database that
has users but no enabled admin (one that ran in demo mode, or whose admins were all
disabled): it is refused while an enabled admin exists, and it trusts whoever runs it,
so it is for someone with the database's own access (the SQLite file, the PostgreSQL
credentials), never to be exposed.  A new user's password comes from ``--password``,
``WORKBENCH_PASSWORD`` or a prompt (asked twice) and must pass the password policy
(12 characters or more, not a common password).  ``backup``/``restore`` use SQLite's
online backup API, or pg_dump/pg_restore for PostgreSQL.
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
        hint = ("; with no enabled admin left, create one with --force-first-admin "
                "(needs the database's own access)") if not service.has_admin() else ""
        raise PermissionDenied(
            "users already exist: add --as ADMIN_NAME (password from WORKBENCH_AS_PASSWORD "
            f"or a prompt){hint}")
    password = Settings.from_env().as_password or getpass.getpass(
        f"Password for {args.as_user}: ")
    return service.authenticate(args.as_user, password).user


def cmd_create_user(args: argparse.Namespace) -> int:
    service = _service(args)
    # No sign-in on an empty database, or with --force-first-admin (the service
    # refuses that while an enabled admin exists).
    actor = None if args.force_first_admin else _acting_admin(service, args)
    user = service.create_user(actor, args.name, _new_password(args), args.role,
                               force_first_admin=args.force_first_admin)
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


def cmd_unlock_user(args: argparse.Namespace) -> int:
    service = _service(args)
    actor = _acting_admin(service, args)
    if actor is None:
        raise PermissionDenied("no users exist yet: create an admin first")
    user = service.unlock_user(actor, args.name)
    print(f"user {user.name} is unlocked: failed sign-ins forgotten")
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    from workbench.service import open_service

    # No upgrade: a backup copies the database as it is.
    report = open_service(args.db, upgrade=False).backup_to(args.file)
    print(report)
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from workbench.service import open_service

    if not args.yes and sys.stdin.isatty():
        answer = input(f"Replace the database by {args.file}? Everything since that backup "
                       "is lost. Type yes: ")
        if answer.strip().lower() != "yes":
            print("nothing restored")
            return 1
    report = open_service(args.db, upgrade=False).restore_from(args.file)
    print(report)
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
    p.add_argument("--force-first-admin", action="store_true",
                   help="create an admin without signing in on a database with users but "
                        "no enabled admin (needs the database's own access)")
    p.set_defaults(func=cmd_create_user)

    p = commands.add_parser("disable-user", help="disable (or --enable) a user")
    p.add_argument("name")
    p.add_argument("--enable", action="store_true")
    p.add_argument("--as", dest="as_user", default=None)
    p.set_defaults(func=cmd_disable_user)

    p = commands.add_parser("unlock-user", help="unlock a user after failed sign-ins")
    p.add_argument("name")
    p.add_argument("--as", dest="as_user", default=None)
    p.set_defaults(func=cmd_unlock_user)

    p = commands.add_parser("backup", help="write a consistent copy of the database to FILE")
    p.add_argument("file")
    p.set_defaults(func=cmd_backup)

    p = commands.add_parser("restore", help="replace the database by the backup FILE")
    p.add_argument("file")
    p.add_argument("--yes", action="store_true", help="do not ask")
    p.set_defaults(func=cmd_restore)

    p = commands.add_parser("list-users", help="list users and roles")
    p.add_argument("--as", dest="as_user", default=None)
    p.set_defaults(func=cmd_list_users)

    p = commands.add_parser("upgrade", help="migrate the database to the latest schema")
    p.set_defaults(func=cmd_upgrade)

    p = commands.add_parser("ensure-demo", help="demo account and document if empty")
    p.set_defaults(func=cmd_ensure_demo)
