"""The language guess of a page that declares none: from its prose, only when sure."""

from __future__ import annotations

import datetime as dt

import pytest
from selectolax.lexbor import LexborHTMLParser

import newsclean
from newsclean import language
from newsclean.language import guess_language

PORTUGUESE = ("O técnico disse nesta sexta-feira que errou ao levar a taça ao ex-presidente, "
              "em uma visita que ocorreu durante a campanha eleitoral daquele ano.")
FRENCH = ("Plusieurs dizaines de personnes ont été tuées, selon les autorités palestiniennes, "
          "lors de frappes contre le camp de réfugiés de Jabalia, dans le nord de la bande.")
GERMAN = ("Der Landesparteitag hat am Samstag beschlossen, dass die Partei bei der Wahl im "
          "September mit einer eigenen Liste antreten wird, wie der Vorsitzende mitteilte.")


def _tree(*paragraphs: str, extra: str = "") -> LexborHTMLParser:
    return LexborHTMLParser("<html><body>" + extra + "".join(f"<p>{p}</p>" for p in paragraphs) + "</body></html>")


@pytest.mark.parametrize(("prose", "code"), [(PORTUGUESE, "pt"), (FRENCH, "fr"), (GERMAN, "de")])
def test_the_language_of_the_pages_paragraphs_is_guessed(prose: str, code: str) -> None:
    assert guess_language(_tree(prose, prose)) == code


def test_menus_and_buttons_are_not_read_as_prose() -> None:
    # Short items (a menu in English) are left out; the long paragraphs decide.
    menu = "".join(f"<p>{word}</p>" for word in ["Home", "News", "Sport", "Weather", "Sign in", "Subscribe"] * 5)
    assert guess_language(_tree(FRENCH, FRENCH, extra=menu)) == "fr"


def test_too_little_prose_gives_no_guess() -> None:
    assert guess_language(_tree("Un texte court.")) is None
    assert guess_language(LexborHTMLParser("")) is None


def test_without_py3langid_there_is_no_guess(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(language, "_loaded", {"identifier": None})
    assert guess_language(_tree(FRENCH, FRENCH)) is None


def _pandoc_like(dateline: str, prose: str) -> str:
    """A page as a pandoc form leaves it: no head, no ``<html lang>``; a headline, a dateline."""
    return f"# Un titre assez long pour être le titre\n\n<div class=\"header-date\">\n\n{dateline}\n\n</div>\n\n" + \
        "\n\n".join([prose] * 4) + "\n"


def test_a_dateline_in_the_guessed_language_dates_a_page_that_declares_none() -> None:
    article = newsclean.clean(_pandoc_like("publié le 1er novembre 2023 à 16h28", FRENCH))
    assert article.published == dt.date(2023, 11, 1)
    assert article.origins["published"] == "dateline"


def test_a_page_that_declares_its_language_is_read_in_it_not_in_a_guess(monkeypatch: pytest.MonkeyPatch) -> None:
    guesses: list[object] = []
    monkeypatch.setattr("newsclean.metadata.guess_language", lambda tree: guesses.append(tree) or "de")
    page = ('<html lang="fr"><body><h1>Un titre assez long pour être le titre</h1>'
            '<div class="date">publié le 1er novembre 2023</div>' + f"<p>{FRENCH}</p>" * 4 + "</body></html>")
    assert newsclean.clean(page).published == dt.date(2023, 11, 1)
    assert guesses == []
