"""The static copy of the page in the index (layouts.static_html): the page's text is there
before any script runs, escaped, without the live page's ids or the lazy sections' marks,
and it is the page the router then sends."""
from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any

import pytest
from dash import dcc, html
from flask.testing import FlaskClient

from callbacks.sections import plain
from layouts.static_html import to_html

COPY = re.compile(r'<div id="prerender">(.*?)</div>\s*<script id="_dash-config"', re.S)


class Tags(HTMLParser):
    """The start tags of a document with their attributes, and whether it nests well."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, Any]]] = []
        self.open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in ("br", "hr", "img", "input", "meta", "link", "wbr"):
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.open and self.open[-1] == tag, f"</{tag}> closes {self.open[-1:]}"
        self.open.pop()


def parsed(markup: str) -> Tags:
    tags = Tags()
    tags.feed(markup)
    tags.close()
    assert tags.open == []
    return tags


def copy_of(client: FlaskClient, path: str, status: int = 200) -> str:
    """The static copy in the index page of `path`."""
    response = client.get(path)
    assert response.status_code == status
    text = response.get_data(as_text=True)
    found = COPY.search(text)
    assert found, "no static copy in the index"
    assert text.index('id="react-entry-point"') < found.start()  # the live page above it
    return found.group(1)


def test_a_tree_becomes_escaped_html_without_ids_or_live_controls():
    tree = plain(html.Div([
        html.H1("Bretagne <script>", id="title"),
        html.P(["a ", html.Strong("b")], className="intro", style={"maxWidth": "70ch"}),
        dcc.Dropdown(id="d", options=[{"label": "Emploi & co", "value": "emploi"}],
                     value="emploi"),
        dcc.RadioItems(id="r", options=[{"label": "Un", "value": 1},
                                        {"label": "Deux", "value": 2}], value=2),
        dcc.Graph(id="g", figure={"data": [{"type": "bar", "y": [1]}]},
                  style={"height": "540px"}),
        dcc.Store(id="s", data={"x": 1}),
        dcc.Link("Carte", href="/?lang=en"),
        html.Div(**{"data-lazy": "x", "data-lazy-key": "93"}, className="lazy-section"),
    ], id="root"))
    markup = to_html(tree)
    tags = parsed(markup)
    assert "Bretagne &lt;script&gt;" in markup and "<script" not in markup
    assert all("id" not in attrs for _tag, attrs in tags.tags)  # the live page owns them
    assert not any("data-lazy" in attrs for _tag, attrs in tags.tags)
    assert '<p class="intro" style="max-width: 70ch">a <strong>b</strong></p>' in markup
    assert '<div class="prerender-dropdown">Emploi &amp; co</div>' in markup
    assert "○</span> Un" in markup and "●</span> Deux" in markup
    assert '<div class="chart" style="height: 540px"></div>' in markup
    assert '<a href="/?lang=en">Carte</a>' in markup
    assert "select" not in markup and "input" not in markup and "{" not in markup


@pytest.mark.parametrize("path, words, status", [
    ("/", ["Carte des fragilités", "Emploi / chômage / insertion professionnelle"], 200),
    ("/region/93", ["Provence-Alpes-Côte d&#x27;Azur", "Chargement de la fiche"], 200),
    ("/acteurs?lang=en", ["Actors", "demonstration"], 200),
    ("/domaine/inconnu", ["inconnu"], 404),
])
def test_the_index_carries_the_page_the_router_will_send(site_client, path, words, status):
    copy = copy_of(site_client, path, status)
    tags = parsed(copy)
    for word in words:
        assert word in copy, word
    assert 'class="demo-banner"' in copy  # demonstration data are said before any script
    assert [tag for tag, _attrs in tags.tags].count("h1") == 1
    assert all("id" not in attrs for _tag, attrs in tags.tags)


def test_the_copy_has_no_id_of_the_live_page(site_client):
    response = site_client.get("/acteurs")
    tags = parsed(response.get_data(as_text=True))
    ids = [attrs["id"] for _tag, attrs in tags.tags if "id" in attrs]
    assert len(ids) == len(set(ids))  # none twice: the copy and the live page never clash
    assert "prerender" in ids and "react-entry-point" in ids
