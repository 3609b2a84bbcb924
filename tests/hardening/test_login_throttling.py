"""The admin login is throttled per username and per address (issue 12, item 5).

50 wrong passwords in a row were all answered, at ~0.7 s of CPU each, and the right one then
worked. Now, after AXES_FAILURE_LIMIT failures, the username and the address are refused even
with the right password, with a page that says so, until the cool-off ends or an operator
runs ``manage.py axes_reset_username`` / ``axes_reset_ip``.
"""

from __future__ import annotations

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client, RequestFactory

from meetings.client_address import client_address

PASSWORD = "a-long-test-password"
LOGIN = "/admin/login/?next=/admin/"


@pytest.fixture(autouse=True)
def fast_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def staff(db):
    return get_user_model().objects.create_user(username="ed", password=PASSWORD, is_staff=True)


def attempt(username: str, password: str, address: str = "10.0.0.1"):
    client = Client(REMOTE_ADDR=address)
    return client.post(LOGIN, {"username": username, "password": password})


def fail(times: int, username: str = "ed", address: str = "10.0.0.1") -> None:
    for n in range(1, times + 1):
        response = attempt(username, "wrong-password", address)
        # The login form again with its error; the failure that reaches the limit locks.
        assert response.status_code == (429 if n >= 5 else 200)


def test_the_right_password_still_works_below_the_limit(staff, settings):
    fail(settings.AXES_FAILURE_LIMIT - 1)
    assert attempt("ed", PASSWORD).status_code == 302


def test_five_wrong_passwords_then_the_right_one_is_refused(staff, settings):
    assert settings.AXES_FAILURE_LIMIT == 5
    fail(5)
    response = attempt("ed", PASSWORD)
    assert response.status_code == 429
    text = response.content.decode()
    assert "Too many failed logins" in text
    assert "axes_reset_username" in text
    assert "_auth_user_id" not in response.wsgi_request.session


def test_a_locked_username_is_refused_from_another_address(staff):
    fail(5, address="10.0.0.1")
    assert attempt("ed", PASSWORD, address="10.9.9.9").status_code == 429


def test_a_locked_address_is_refused_for_another_username(staff, django_user_model):
    django_user_model.objects.create_user(username="other", password=PASSWORD, is_staff=True)
    for n in range(5):  # a different name each time: no username reaches the limit
        attempt(f"guess{n}", "wrong-password", address="10.0.0.7")
    assert attempt("other", PASSWORD, address="10.0.0.7").status_code == 429
    assert attempt("other", PASSWORD, address="10.0.0.8").status_code == 302


def test_axes_reset_username_unlocks(staff):
    fail(5)
    call_command("axes_reset_username", "ed", stdout=io.StringIO())
    assert attempt("ed", PASSWORD, address="10.0.0.2").status_code == 302


def test_axes_reset_ip_unlocks_an_address(staff, django_user_model):
    django_user_model.objects.create_user(username="other", password=PASSWORD, is_staff=True)
    for n in range(5):
        attempt(f"guess{n}", "wrong-password", address="10.0.0.7")
    assert attempt("other", PASSWORD, address="10.0.0.7").status_code == 429
    call_command("axes_reset_ip", "10.0.0.7", stdout=io.StringIO())
    assert attempt("other", PASSWORD, address="10.0.0.7").status_code == 302


def test_client_address_behind_trusted_proxies(settings):
    request = RequestFactory().get(
        "/", REMOTE_ADDR="10.1.1.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.9"
    )
    settings.TRUSTED_PROXIES = 0
    assert client_address(request) == "10.1.1.1"  # no proxy: the header is the client's word
    settings.TRUSTED_PROXIES = 1
    assert client_address(request) == "203.0.113.9"  # what our proxy saw, not the spoof
    settings.TRUSTED_PROXIES = 3
    assert client_address(request) == "10.1.1.1"  # fewer entries than proxies: not trusted
