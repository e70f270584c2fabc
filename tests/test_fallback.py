"""The second opinion (newsclean.fallback): trafilatura as its users run it, on the page as
newsclean reads it."""

from __future__ import annotations

from newsclean.fallback import fallback_blocks

PROSE = ("The council voted on Tuesday to expand the program, which pays for new water mains in "
         "older neighborhoods, after a year of debate about its cost and who should bear it.")


def _page(body: str) -> str:
    return f"<html><head><title>Story</title></head><body><article>{body}</article></body></html>"


def test_a_noscript_notice_is_no_second_opinion() -> None:
    page = ("<html><body><div id='app'></div><noscript>We're sorry but this app doesn't work properly "
            "without JavaScript enabled. Please enable it to continue.</noscript></body></html>")
    assert fallback_blocks(page) == ()


def test_the_opinion_keeps_the_articles_tables_and_lists() -> None:
    # cleaneval and wcxb pages whose main text is a table of results or a list of steps: precision
    # mode (the setting before) returned the prose around them only
    table = "".join(f"<tr><td>District {n}</td><td>{n * 12} miles of new mains</td></tr>" for n in range(1, 6))
    steps = "".join(f"<li>Step {n}: the crew digs the trench and lays the pipe on street {n}.</li>" for n in range(1, 5))
    text = "\n".join(b.text for b in fallback_blocks(_page(f"<p>{PROSE}</p><table>{table}</table>"
                                                            f"<p>{PROSE}</p><ul>{steps}</ul>")))
    assert "District 3" in text and "36 miles of new mains" in text
    assert "Step 2: the crew digs" in text
