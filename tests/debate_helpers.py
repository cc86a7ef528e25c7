"""What the debate tests share: the Bearer header, new device tokens, a debate created
through the API."""
from __future__ import annotations

import re
import secrets
from typing import Any

from conftest import ADMIN_PASSWORD, ADMIN_TOKEN

BEARER = {"Authorization": f"Bearer {ADMIN_TOKEN}"}
ALL_QUESTIONS = ["priorities", "scores", "innovation", "word"]


def device() -> str:
    return secrets.token_urlsafe(24)


def create_debate(client: Any, **fields: Any) -> str:
    """A debate in region 93 asking every question (scores on emploi and sante)."""
    body = {"title": "Débat de test", "region": "93", "questions": ALL_QUESTIONS,
            "scored_domains": ["emploi", "sante"], **fields}
    response = client.post("/api/v1/debates", json=body, headers=BEARER)
    assert response.status_code == 201, response.json
    return str(response.json["code"])


def csrf_token(html: str) -> str:
    match = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html)
    assert match, "no CSRF token in the page"
    return match.group(1)


def sign_in(client: Any, username: str = "admin", password: str = ADMIN_PASSWORD,
            next_: str = "") -> Any:
    """Sign in through the /connexion form (with its CSRF token)."""
    page = client.get(f"/connexion?next={next_}")
    return client.post("/connexion", data={"csrf_token": csrf_token(page.text),
                                           "username": username, "password": password,
                                           "next": next_})
