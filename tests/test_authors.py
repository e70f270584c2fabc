"""Author names: bylines cleaned to people, and the rule that weighs them against declared names.

Each case is a byline family seen on real pages (issue #13); the pages themselves are in
``fixtures/meta-author-*``.
"""

from __future__ import annotations

import pytest

import newsclean
from newsclean.authors import AuthorCandidates, choose_authors, same_name, split_byline
from newsclean.profiles.generic import GENERIC


@pytest.mark.parametrize(("byline", "names"), [
    ("Analysis by Chris Cillizza, CNN Editor-at-large", ["Chris Cillizza"]),  # letters after a name: not a person
    ("Written by Regan Morris", ["Regan Morris"]),
    ("Текст: Лида Буслаева", ["Лида Буслаева"]),
    ("Von Monika Bolliger und Anna Trechsel", ["Monika Bolliger", "Anna Trechsel"]),
    ("Samya Kullab and Vasilisa Stepanenko", ["Samya Kullab", "Vasilisa Stepanenko"]),
    ("Por Ana García y Luis Pérez", ["Ana García", "Luis Pérez"]),
    ("Elena Oberholzer (obe)", ["Elena Oberholzer"]),
    ("Yasmine Hassan · CBC News ·", ["Yasmine Hassan", "CBC News"]),
    ("By Jane Doe jane.doe@example.com", ["Jane Doe"]),
    ("Darian Woods Twitter Sarah Gonzalez Twitter", ["Darian Woods", "Sarah Gonzalez"]),
    ("Sam Stein Senior Politics Editor, The Huffington Post", ["Sam Stein", "The Huffington Post"]),
    ("Posted by Peter Bell on August 4, 2019", ["Peter Bell"]),
    ("Lydia Dishman 5:42 AM", ["Lydia Dishman"]),
    ("Genevieve Carlton, Ph.D.", ["Genevieve Carlton"]),
    ("Maria &amp;amp; Katerina", ["Maria", "Katerina"]),
    ("Christian Dupuis is a product engineer who writes about tooling", ["Christian Dupuis"]),
    ("홍길동 기자", ["홍길동"]),
    ("Von Britta Schultejans, dpa", ["Britta Schultejans", "dpa"]),  # an agency, whatever its case
    ("Orhan Coskun and Suleiman Al-Khalidi Reuters", ["Orhan Coskun", "Suleiman Al-Khalidi", "Reuters"]),
    ("By Ben Bowers on 10.29.12 | Photo by Google", ["Ben Bowers"]),  # the photo credit is not an author
    ("Af Ritzau Kontakt redaktionen: sndk@sn.dk", ["Ritzau"]),
    ("Ralph Steiner/Carlo Natter", ["Ralph Steiner", "Carlo Natter"]),
    ("Recueilli par Patrick ANGEVIN.", ["Patrick ANGEVIN"]),
    ("By Will Smale Business reporter, BBC News", ["Will Smale", "BBC News"]),
    ("Cécile Ducourtieux (Bruxelles, bureau européen)", ["Cécile Ducourtieux"]),
])
def test_bylines_are_cleaned_to_names(byline: str, names: list[str]) -> None:
    assert split_byline(byline, GENERIC) == names


@pytest.mark.parametrize("byline", ["Updated: Oct 12", "Link Copied", "Topic: Security", "see full bio",
                                    "software, retail, financial services"])
def test_a_byline_without_a_name_gives_none(byline: str) -> None:
    assert split_byline(byline, GENERIC) == []


def test_same_name_ignores_case_accents_and_middle_initials() -> None:
    assert same_name("JOSÉ GARCÍA", "José Garcia")
    assert same_name("David E. Sanger", "David Sanger")
    assert not same_name("David Sanger", "David Brooks")


def _c(*names: str, origin: str = "meta") -> AuthorCandidates:
    return AuthorCandidates(names, origin)


def test_a_byline_that_names_more_people_than_the_meta_tag_wins() -> None:
    # NYT 2016: four names on the page, one in <meta name="author">.
    shown = _c("A Person", "B Person", "C Person", "D Person", origin="byline")
    assert choose_authors(shown, [_c("D Person")], []).names == shown.names


def test_declared_names_win_over_an_author_element_that_contradicts_them() -> None:
    guessed = _c("Luke Daigle", origin="author element")
    assert choose_authors(guessed, [_c("Paul Fenaroli")], []).names == ("Paul Fenaroli",)


def test_the_site_name_is_dropped_beside_a_person_and_on_a_news_article() -> None:
    assert choose_authors(_c("Jane Doe", "CNN", origin="byline"), [], ["cnn"]).names == ("Jane Doe",)
    assert choose_authors(_c(), [_c("BBC News")], ["BBC"], news=True).names == ()
    # A company blog that credits itself keeps its name.
    assert choose_authors(_c(), [_c("Swoogo")], ["Swoogo"], news=False).names == ("Swoogo",)


def test_upper_case_byline_takes_the_declared_spelling() -> None:
    shown = _c("ABBY GOODNOUGH", origin="byline")
    assert choose_authors(shown, [_c("Abby Goodnough")], []).names == ("Abby Goodnough",)


def _page(head: str = "", body: str = "") -> str:
    text = "<p>" + "The article's own text, long enough to be its body and nothing else. " * 6 + "</p>"
    return f"<html><head>{head}</head><body><article><h1>Headline</h1>{body}{text}</article></body></html>"


def test_linked_author_and_the_coauthors_the_byline_joins_to_it() -> None:
    body = ('<p class="byline">Par <a href="/journaliste/mu/">Martin Untersinger</a> '
            "(avec Damien Leloup et Morgane Tual)</p>")
    assert newsclean.clean(_page(body=body)).authors == ("Martin Untersinger", "Damien Leloup", "Morgane Tual")


def test_the_site_named_in_a_byline_is_not_an_author() -> None:
    body = '<p class="byline">Analysis by Chris Cillizza, CNN Editor-at-large</p>'
    article = newsclean.clean(_page(body=body), url="https://edition.cnn.com/2017/01/01/politics/x/index.html")
    assert article.authors == ("Chris Cillizza",)


def test_author_link_without_byline_markup_is_found_near_the_headline() -> None:
    body = '<div class="article_byline">By <a href="/people/joe-davidson">Joe Davidson</a> Washington Post</div>'
    assert newsclean.clean(_page(body=body)).authors == ("Joe Davidson",)


def test_json_ld_author_is_read_when_the_page_shows_no_byline() -> None:
    ld = ('<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",'
          '"author":[{"@type":"Person","name":"Jane Doe"},{"@type":"Person","name":"John Roe"}]}</script>')
    assert newsclean.clean(_page(head=ld)).authors == ("Jane Doe", "John Roe")


def test_a_capitalised_surname_is_written_in_title_case() -> None:
    assert choose_authors(_c("Patrick ANGEVIN", origin="byline"), [], []).names == ("Patrick Angevin",)


def test_people_on_the_page_win_over_a_declared_desk_name() -> None:
    shown = _c("Ralph Steiner", "Carlo Natter", origin="author element")
    assert choose_authors(shown, [_c("Auswärtige Autoren")], []).names == shown.names


def test_a_paper_named_after_a_slash_is_the_site_not_an_author() -> None:
    shown = _c("Eliot Caroom", "The Star-Ledger", origin="byline")
    assert choose_authors(shown, [], ["The Star-Ledger - NJ.com"]).names == ("Eliot Caroom",)


def test_json_ld_author_given_as_a_reference_into_the_graph_is_resolved() -> None:
    ld = ('<script type="application/ld+json">{"@graph":[{"@type":"WebPage","author":{"@id":"#p1"}},'
          '{"@type":"Person","@id":"#p1","name":"Albert Swann"}]}</script>')
    assert newsclean.clean(_page(head=ld)).authors == ("Albert Swann",)


def test_a_byline_written_as_a_line_of_text_is_read() -> None:
    body = '<div class="info"><div class="font-italic">By Urs Gehriger and Florian Schwab</div></div>'
    head = '<meta name="author" content="Weltwoche">'
    assert newsclean.clean(_page(head=head, body=body), url="https://www.weltwoche.ch/x").authors == (
        "Urs Gehriger", "Florian Schwab")
