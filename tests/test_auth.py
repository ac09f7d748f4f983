"""Passwords, sessions, disabled users and the first-run admin command."""

from __future__ import annotations

import pytest
from db_fixtures import (  # noqa: F401  (fixtures)
    Clock, admin, clock, db_url, make_user, pg_database, service, sqlite_template,
)
from sqlalchemy import select

from workbench.service import passwords as auth
from workbench.cli.main import main
from workbench.errors import ConflictError, PermissionDenied
from workbench.service import Service
from workbench.store import SessionRow, Store, UserRow

PASSWORDS = [
    "demo",
    "mật khẩu của Lan",
    "كلمة المرور",
    "Đường Trường Sơn 1959–1975 🚩",
]


@pytest.mark.parametrize("password", PASSWORDS)
def test_hash_is_salted_and_verifies_only_the_password(password):
    first, second = auth.hash_password(password, 4), auth.hash_password(password, 4)
    assert first != second and password not in first  # salted, not plain
    assert first.startswith("$2b$04$")
    assert auth.verify_password(password, first) and auth.verify_password(password, second)
    assert not auth.verify_password(password + " ", first)
    assert not auth.verify_password(password.upper() if password.upper() != password
                                    else password.lower() + "x", first)


def test_long_passwords_differing_after_72_bytes_are_different():
    # 40 Vietnamese letters with tones are > 72 bytes of UTF-8: bcrypt alone would
    # ignore what follows.
    stem = "ệ" * 40
    hashed = auth.hash_password(stem + "một", 4)
    assert auth.verify_password(stem + "một", hashed)
    assert not auth.verify_password(stem + "hai", hashed)


def test_short_and_common_passwords_refused_by_the_default_policy():
    policy = auth.PasswordPolicy.from_settings(12, "")
    with pytest.raises(PermissionDenied, match="at least 12"):
        policy.check("abc-de-fgh")
    with pytest.raises(PermissionDenied, match="most common"):
        policy.check("QWERTY123456", "lan")  # in the shipped list (zxcvbn's), any case
    with pytest.raises(PermissionDenied, match="most common"):
        policy.check("Password1234!", "lan")  # a common one with digits added
    with pytest.raises(PermissionDenied, match="user name"):
        policy.check("nguyen.van.lan", "Nguyen.Van.Lan")
    policy.check("ba con mèo đen nhảy")  # a passphrase passes
    with pytest.raises(PermissionDenied, match="needed"):
        auth.hash_password("", 4)


def test_database_never_holds_a_password_or_a_token(service, admin):
    session = service.authenticate("root", "root-pass")
    with service.store.session() as s:
        stored = s.scalars(select(UserRow.password_hash)).all()
        tokens = s.scalars(select(SessionRow.token_hash)).all()
    assert all("root-pass" not in h and h.startswith("$2b$") for h in stored)
    assert session.token not in tokens and auth.token_digest(session.token) in tokens


@pytest.mark.parametrize("name, password", [("root", "wrong-pass"), ("nobody", "root-pass"),
                                            ("Root", "root-pass")])
def test_wrong_credentials_refused_with_the_same_message(service, admin, name, password):
    with pytest.raises(PermissionDenied, match="wrong user name or password"):
        service.authenticate(name, password)


def test_session_expires_and_asks_to_log_in_again(service, admin, clock):
    session = service.authenticate("root", "root-pass")
    clock.advance(hours=11, minutes=59)
    assert service.user_for_token(session.token).name == "root"
    clock.advance(minutes=2)
    with pytest.raises(PermissionDenied, match="expired.*log in again"):
        service.user_for_token(session.token)
    with pytest.raises(PermissionDenied, match="log in again"):  # gone for good
        service.user_for_token(session.token)
    assert service.user_for_token(service.authenticate("root", "root-pass").token).name == "root"


def test_logout_ends_the_session(service, admin):
    session = service.authenticate("root", "root-pass")
    service.logout(session.token)
    with pytest.raises(PermissionDenied):
        service.user_for_token(session.token)


def test_disabled_user_cannot_log_in_and_loses_sessions(service, admin):
    lan = make_user(service, admin, "lan", "translator")
    live = service.authenticate("lan", "lan-pass")
    service.disable_user(admin, "lan")
    with pytest.raises(PermissionDenied, match="disabled"):
        service.authenticate("lan", "lan-pass")
    with pytest.raises(PermissionDenied):
        service.user_for_token(live.token)
    service.disable_user(admin, "lan", disabled=False)
    assert service.authenticate("lan", "lan-pass").user.id == lan.id
    with pytest.raises(PermissionDenied, match="own account"):
        service.disable_user(admin, "root")


def test_first_user_needs_no_sign_in_but_the_second_does(service):
    first = service.create_user(None, "root", "root-pass", "admin")
    assert first.roles == {"admin"}
    with pytest.raises(PermissionDenied, match="already exist"):
        service.create_user(None, "eve", "eve-pass", "admin")
    with pytest.raises(ConflictError, match="already exists"):
        service.create_user(first, "root", "other-pass", "translator")
    with pytest.raises(PermissionDenied, match="unknown role"):
        service.create_user(first, "kim", "kim-pass", "reviewer")


def test_password_change_by_self_or_admin_only(service, admin):
    lan = make_user(service, admin, "lan", "translator")
    huong = make_user(service, admin, "huong", "translator")
    with pytest.raises(PermissionDenied):
        service.set_password(huong, "lan", "stolen-pass")
    service.set_password(lan, "lan", "mật khẩu mới")
    assert service.authenticate("lan", "mật khẩu mới").user.id == lan.id
    service.set_password(admin, "lan", "reset-pass")
    with pytest.raises(PermissionDenied):
        service.authenticate("lan", "mật khẩu mới")


def test_admin_command_creates_the_first_admin(tmp_path, capsys, monkeypatch):
    url = f"sqlite:///{tmp_path / 'first.db'}"
    monkeypatch.delenv("WORKBENCH_PASSWORD", raising=False)
    assert main(["admin", "--db", url, "create-user", "quản_trị", "--role", "admin",
                 "--password", "bí mật"]) == 0
    assert "created user quản_trị" in capsys.readouterr().out
    # A second user needs an admin's sign-in.
    assert main(["admin", "--db", url, "create-user", "lan", "--role", "translator",
                 "--password", "lan-pass"]) == 2
    assert "--as" in capsys.readouterr().err
    monkeypatch.setenv("WORKBENCH_AS_PASSWORD", "bí mật")
    monkeypatch.setenv("WORKBENCH_PASSWORD", "lan-pass")
    assert main(["admin", "--db", url, "create-user", "lan", "--role", "translator",
                 "--role", "editor", "--as", "quản_trị"]) == 0
    service = Service(Store(url))
    user = service.authenticate("lan", "lan-pass").user
    assert user.roles == {"translator", "editor"}
