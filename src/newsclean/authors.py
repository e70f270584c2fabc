"""Who wrote the article: names from the visible byline and from what the page declares
(JSON-LD, microdata, ``<meta>``), cleaned down to people (and the agencies a byline credits),
then weighed against each other.

The rule: the visible byline is what readers see, but it is also where pages glue roles,
dates, social links and bios; the declared names are clean but can be a site or a CMS
account. So a byline that confirms the declared names (it holds them all, maybe more: a
four-author byline whose meta tag keeps one) wins; declared names that hold the byline's
win; a byline that contradicts them loses to them, unless they were all dropped as site
names or non-names, or are a CMS login where the byline spells a person's full name.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from newsclean._dom import collapse
from newsclean.profiles.base import Profile

__all__ = ["AuthorCandidates", "before_credits", "choose_authors", "clean_names", "in_latin_script", "is_cms_account",
           "is_site_name", "is_role_or_outlet", "is_written_name", "same_name", "split_byline"]

_MAX_NAME_CHARS = 60
_MAX_NAME_WORDS = 6
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_URL = re.compile(r"https?://\S+|www\.\S+")
_INITIALS_SUFFIX = re.compile(r"\s*\((?:[a-zäöüß]{1,4}|[A-ZÄÖÜ]{1,4})\)\s*$")  # "Elena Oberholzer (obe)"
_TIME = re.compile(r"\b\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4}\b)?", re.I)
_NOT_IN_NAMES = re.compile(r"[\d:!?{}<>=@#]")  # digits, labels ("Topic:"), exclamations, template code
_CREDENTIAL = re.compile(r"(?:Ph\.?\s?D|M\.?D|D\.?O|R\.?N|RDN?|MS|MA|MSc|BSc|MBA|MPH|DDS|CPA|Esq|Jr|Sr|"
                         r"II|III|IV|FACP|FRCP|LCSW|PharmD|CNP|APRN)\.?", re.I)
_CALENDAR_WORDS = frozenset(
    "mon tue tues wed thu thur thurs fri sat sun monday tuesday wednesday thursday friday saturday sunday "
    "jan feb mar apr jun jul aug sep sept oct nov dec january february march april may june july august "
    "september october november december today yesterday".split())
# "… on Tuesday, August 4" / "… at 5:42": where a name stops and a date begins.
_DATE_AFTER_NAME = re.compile(r"\s+(?:on|at|am|le|el|il|op)\s+(?=(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|"
                              r"may|jun|jul|aug|sep|oct|nov|dec|\d))", re.I)
# A dash, then a weekday or a month: "Jason Shafrin - Oct• 31•12", "Hans Pennink – Fri" (the word whole:
# "Paz Segura - Marketing Manager" is a job).
_DASHED_DATE_AFTER_NAME = re.compile(
    r"\s+[-–—]\s+(?=(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|"
    r"dec|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|june|july|august|"
    r"september|october|november|december)\b)", re.I)
_MONTH_DAY_AFTER_NAME = re.compile(r"\s+(?=(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b)",
                                   re.I)
_BIO_START = re.compile(r"\s+(?:is|was|has|writes|covers|joined|hi|i['’]m|ist|est|es)\b.*$|[!?].*$", re.I)
_READING_TIME = re.compile(r"\b\d+\s*-?\s*(?:min(?:ute)?s?\.?|m)\s+(?:read|reading|de lecture|de lectura|di lettura|"
                           r"Lesezeit|leestijd)\b|\b(?:Lesezeit|Lesedauer|reading time|temps de lecture|"
                           r"tiempo de lectura|tempo di lettura)\s*:?\s*\d+\s*(?:min(?:ute[ns]?)?\b\.?)?", re.I)
_TRAILING_COUNT = re.compile(r"(?<=[^\W\d])\s*\d[\d,.]*$")  # a comment count glued on: "Lucas Nolan651"
_LATIN_LETTER = re.compile(r"[A-Za-zÀ-ɏ]")
_HAS_UPPER = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-Ž]")


@dataclass(frozen=True, slots=True)
class AuthorCandidates:
    """Names read from one kind of source, in the page's order; ``origin`` says which."""

    names: tuple[str, ...]
    origin: str


def split_byline(text: str, profile: Profile, *, after: str = "") -> list[str]:
    """"By David E. Sanger and Eric Schmitt" → ["David E. Sanger", "Eric Schmitt"]: prefixes,
    roles, e-mails, dates, times and social-link words dropped, the rest split by the
    page's separators ("and", "und", "y", commas, "·", "|"). ``after`` is the name the text
    follows on the page, when it continues a byline (", Home Security Expert" after a link)."""
    return clean_names([text], profile, visible=True, after=after)


def clean_names(raw: Iterable[str], profile: Profile, *, visible: bool, after: str = "",
                marked: bool = False) -> list[str]:
    """Each raw byline or declared name cleaned and split into names, duplicates dropped.
    ``marked``: the texts of elements the page marks as its author's (rel=author links,
    itemprop=name), where one word in lower case, the element's whole text, is a login
    ("doumae", "whova")."""
    names: list[str] = []
    organisation = profile.organisation_pattern
    for text in raw:
        if organisation is not None and (whole := organisation.fullmatch(collapse(strip_prefix(text, profile)))):
            names.append(whole.group(0))  # "Center for Drug Evaluation and Research": one author
            continue
        inverted = _LAST_FIRST.match(text) if not visible else None
        if inverted is not None:  # "Gillman, Steve" in a meta tag: one person, surname first
            text = f"{inverted.group(2)} {inverted.group(1)}"
        first = after
        for index, part in enumerate(_parts(text, profile)):
            if first and _is_a_job(part):
                continue  # "Paul Frew, Home and Digital Security Expert", "…, Times Staff Writers": a job after names
            name = _clean_part(part, profile, visible=visible and not (marked and " " not in text.strip()))
            if name and (index or after) and name.casefold() not in AGENCIES and (
                    _CREDENTIAL_LETTERS.fullmatch(name) or (visible and " " not in name and " " in first)
                    or (first and _is_outlet(name))):
                continue  # "Dylan Bailey, MS, RD, FAND", "Tracy Parker, Dietitian", "Ken Bensinger, Los Angeles Times"
            first = first or name
            if name:
                names.append(name)
    return dedupe(names)


# Words of a job title that a byline puts after the name, not in anyone's name.
_JOB_NOUNS = frozenset("expert experts specialist enthusiast manager director strategist consultant officer engineer "
                       "scientist nutritionist dietitian advisor adviser analyst researcher designer developer "
                       "marketer therapist physician pharmacist veterinarian attorney lawyer economist professor "
                       "blogger editor writer reporter correspondent columnist contributor producer journalist "
                       "photographer founder co-founder ceo cto cfo coo president educator".split())


def is_role_or_outlet(text: str, profile: Profile) -> bool:
    """True for a byline's piece that names a job and no one ("Senior Writer", "Contributor"),
    or the paper ("The Guardian", "Observer.co.uk"): what a post's meta line puts beside the
    author's name."""
    text = text.strip(" ,.")
    if _is_outlet(text) or _DOMAIN_NAME.fullmatch(text):
        return True
    roles = _role_pattern(profile.byline_roles)
    return (_is_a_job(text) or (roles is not None and roles.search(text) is not None)) and not split_byline(text, profile)


def _is_a_job(part: str) -> bool:
    """True when a byline's part names a job: a job noun in it, or one in the plural a word or
    two after the start ("Times Staff Writers", "AP Business Writers": the names' shared title;
    "Alissa J. Rubin Times Staff Writers" holds a name)."""
    words = [w for w in re.split(r"[\s.,/-]+", part.casefold()) if w]
    return any(w in _JOB_NOUNS or (index <= 2 and w[-1:] == "s" and w[:-1] in _JOB_NOUNS)
               for index, w in enumerate(words))


_LAST_FIRST = re.compile(r"^\s*([A-ZÀ-Þ][\w'’-]+),\s*([A-ZÀ-Þ][\w'’.-]+(?:\s+[A-Z]\.?)?)\s*$")
_CREDENTIAL_LETTERS = re.compile(r"[A-Z][A-Z.-]{1,7}®?")


def _parts(text: str, profile: Profile) -> list[str]:
    text = collapse(text)
    if len(text) > 400:  # a bio or a paragraph, not a byline: its first sentence at most
        text = text[:400]
    text = html.unescape(html.unescape(text)) if "&" in text else text  # "Maria &amp;amp; Katerina" in a meta tag
    text = _EMAIL.sub(" | ", _URL.sub(" | ", text))
    text = _DATE_AFTER_NAME.sub(" | ", _TIME.sub(" | ", text))
    # "Jane Doe September 8, 2025", "Cara Giaimo June 21", "Jason Shafrin - Oct• 31•12"
    text = _DASHED_DATE_AFTER_NAME.sub(" | ", _MONTH_DAY_AFTER_NAME.sub(" | ", text))
    text = _READING_TIME.sub(" | ", text)  # "By Zach Hanlon 5 minute Read", "Jane Doe · Lesezeit: 4 Min."
    text = _PARENTHESES.sub(_joined_or_dropped, text)
    stop = _stop_pattern(profile.byline_stops).search(text) if profile.byline_stops else None
    if stop is not None:  # "| Photo by Google", "Fact checked by …", "Kontakt redaktionen: …"
        text = text[:stop.start()]
    text = _GLUED_AGENCY.sub(r"\1 | \2", text)  # "Suleiman Al-Khalidi Reuters"
    splitter = _splitter(profile)
    return [part for part in splitter.split(text) if part and part.strip(" ,;:|/·•-–—")]


def before_credits(text: str, profile: Profile) -> str:
    """A byline's text up to its first credit for someone else: "By Scott Levine | Fact-checked
    by Frank Bass" → "By Scott Levine | "."""
    stop = _stop_pattern(profile.byline_stops).search(text) if profile.byline_stops else None
    return text[:stop.start()] if stop is not None else text


@lru_cache(maxsize=16)
def _stop_pattern(stops: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(rf"\b{re.escape(w)}" if w[:1].isalnum() else re.escape(w) for w in stops), re.I)


# News agencies: credited as authors when a byline names them, whatever their case ("dpa").
AGENCIES = frozenset(
    "dpa afp ap reuters efe ansa apa sda kna epd pa ians pti ritzau ntb tt xinhua kyodo yonhap anp belga ctk "
    "tass interfax upi aap ats keystone-sda dapd ddp sid bloomberg agi adnkronos europa press lusa notimex "
    "telam".split())
# An agency after the last name with nothing between: "Suleiman Al-Khalidi Reuters", AP's own
# "By JOHN ROE Associated Press" (not the "The" of "The Associated Press" taken for a name),
# maybe with the reporter's title after it ("Associated Press Writer", "AP Business Writer"),
# which then goes as the title after a comma does.
_GLUED_AGENCY = re.compile(r"([^\W\d]{2,})(?<!\bThe)(?<!\bthe)\s+"
                           r"((?:Reuters|AFP|AP|dpa|EFE|ANSA|APA|Bloomberg|(?:The )?Associated Press)"
                           r"(?:(?:\s+[A-Z][a-z]+)?\s+(?:Writer|Correspondent)s?)?)$")

_DANGLING_WORD = re.compile(r"\s+(?:on|at|am|le|el|il|in|op|um|the|de|du|dans|and|und|et)$")  # (and a cut "and")
_REPEATED = re.compile(r"^(.{3,}?)\s+(?:(?:Dr|Prof|Mr|Mrs|Ms|Mx)\.?\s+)?\1$")  # "Nathan Myhrvold Dr. Nathan Myhrvold"
# An author box's title or its link ("About Michael Brenner", "Learn more about Jeff Cobb"):
# not a byline's prefix, which story cards are counted by ("About the author" starts no card).
_ABOUT = re.compile(r"^(?:(?:learn|read)\s+more\s+|more\s+)?about\s+(?=[A-ZÀ-Þ])", re.I)
_PARENTHESES = re.compile(r"\(([^()]*)\)")
_JOINING = re.compile(r"^\s*(?:avec|with|mit|con|and|et|und|y|e)\s", re.I)


def _joined_or_dropped(match: re.Match[str]) -> str:
    """"(avec Damien Leloup et Morgane Tual)" names co-authors; "(Bruxelles)", "(obe)",
    "(CNXSoft)" say where or who else: dropped."""
    inner = match.group(1)
    return f" | {inner} " if _JOINING.match(inner) else " "


@lru_cache(maxsize=16)
def _splitter_for(separators: tuple[str, ...], noise: tuple[str, ...]) -> re.Pattern[str]:
    """One regex: the separators between names, and the noise words (social links, "Updated",
    weekdays…) that end a name."""
    # A word separator ("and", "avec") stands between spaces, or after an opening bracket.
    seps = [re.escape(s) if not s.strip().isalpha() else rf"(?<![^\s(]){re.escape(s.strip())}\s+"
            for s in separators]
    words = [rf"\b{re.escape(w)}\b" if w[:1].isalnum() else re.escape(w) for w in noise]
    return re.compile("|".join([*seps, *words]), re.I)


def _splitter(profile: Profile) -> re.Pattern[str]:
    return _splitter_for(profile.byline_separators, profile.byline_noise)


def strip_prefix(text: str, profile: Profile) -> str:
    """The text less its leading byline labels ("Written by", "Von", "Текст:"), repeated."""
    pattern = _prefix_pattern(profile.byline_prefixes)
    while True:
        stripped = pattern.sub("", text, count=1) if pattern is not None else text
        if stripped == text:
            return text
        text = stripped


@lru_cache(maxsize=16)
def _prefix_pattern(prefixes: tuple[str, ...]) -> re.Pattern[str] | None:
    if not prefixes:
        return None
    alternatives = "|".join(re.escape(p) + (r"\b" if p[-1:].isalnum() else "")
                            for p in sorted(prefixes, key=len, reverse=True))
    return re.compile(rf"^[\s:|·•\-–—]*(?:{alternatives})[\s:：/|\-–—]*", re.I)


@lru_cache(maxsize=16)
def _role_pattern(roles: tuple[str, ...]) -> re.Pattern[str] | None:
    if not roles:
        return None
    return re.compile(r"(?:^|\s)(?:" + "|".join(re.escape(r) for r in sorted(roles, key=len, reverse=True))
                      + r")(?=$|[\s,.-])", re.I)


# An outlet's initials owning the name after them: "NBC's Chuck Todd", "CNN's Jake Tapper".
_OUTLET_POSSESSIVE = re.compile(r"^[A-Z]{2,5}[’']s\s+(?=[A-ZÀ-Þ])")
# A template's placeholder left unfilled: "By Tariqul Ayan March 30, 2023 | %t min read".
_PLACEHOLDER = re.compile(r"(?<!\w)%[a-zA-Z](?!\w)")


def _clean_part(part: str, profile: Profile, *, visible: bool) -> str:
    name = strip_prefix(_PLACEHOLDER.sub("", part).strip(" ,;:|/·•-–—\u200b"), profile)
    name = _BIO_START.sub("", _ABOUT.sub("", name))  # "Jack Shepherd Hi! I'm Jack", "Christian Dupuis is a …"
    name = _OUTLET_POSSESSIVE.sub("", name)  # "NBC's Chuck Todd"
    if name.startswith("the ") and name[4:5].isupper():  # "By the Associated Press"
        name = "The" + name[3:]
    name = _AFFILIATION.split(name, maxsplit=1)[0]  # "Michael Larabel in Valve"
    name = _DANGLING_WORD.sub("", name)  # "Ben Bowers on" once its date is gone ("… on in MLB Tracker")
    if _is_desk_credit(name, profile):  # "SFist Contributor", "Jewish Business News Correspondent"
        name = _EDGE_JUNK.sub("", name)
        return name if _looks_like_name(name, visible=visible) else ""
    name = _without_outlet(name)  # "Joe Davidson Washington Post"
    name = _REPEATED.sub(r"\1", name.lstrip("✉✎✍☎✆📧•*►▶→- "))  # "Lauren Dragan Lauren Dragan": a link and its title
    name = _TRAILING_COUNT.sub("", _INITIALS_SUFFIX.sub("", name))
    roles = _role_pattern(profile.byline_roles)
    if roles is not None:
        found = roles.search(name)
        if found is not None:  # "Sam Stein Senior Politics Editor", "CNN Editor-at-large"
            name = name[:found.start()]
            words = name.split()
            if len(words) > 2 and words[-1].casefold() in _BEATS:  # "Will Smale Business reporter"
                name = " ".join(words[:-1])
    for suffix in profile.byline_suffixes:  # "홍길동 기자"
        if name.endswith(suffix):
            name = name[: -len(suffix)]
    # Punctuation and symbols at either end ("Meaghan Weeden ●"); "Jr." keeps its dot.
    name = _EDGE_JUNK.sub("", name) + ("." if name.rstrip().endswith(" Jr.") else "")
    name = name.strip()
    return name if _looks_like_name(name, visible=visible) else ""


def _is_desk_credit(name: str, profile: Profile) -> bool:
    """A credit to the outlet or a desk, not a person with a job title: the role ends it and
    what stands before it is one word or an organisation's name ("SFist Contributor",
    "Community Editor", "AAA Travel Editor", "Jewish Business News Correspondent")."""
    roles = _role_pattern(profile.byline_roles)
    found = roles.search(name) if roles is not None else None
    if found is None or found.start() == 0 or name[found.end():].strip(" .,"):
        return False
    words = name[:found.start()].split()
    # An acronym leads an outlet's name ("AAA Travel Editor"); after a full name it is a beat
    # ("Stephen Jesudunsin AI Writer").
    return len(words) == 1 or any(w.casefold().strip(".,") in _OUTLET_WORDS | _ORG_WORDS for w in words) or (
        words[0].isupper() and len(words[0]) > 1 and not all(w.isupper() for w in words))


_EDGE_JUNK = re.compile(r"^[^\w@#]+|[^\w@#]+$|^_+|_+$")  # a handle's "@" stays: it is no name
_AFFILIATION = re.compile(r"\s+(?:in|at)\s+(?=[A-ZÀ-Þ])")


def _without_outlet(name: str) -> str:
    """A person's name with the outlet glued after it loses the outlet: "Meg Wagner New York
    Daily News" → "Meg Wagner" (the outlet's words end in a news organisation's word)."""
    words = name.split()
    if len(words) < 3 or words[0].casefold() == "the":
        return name
    for start in range(2, len(words) - 1):  # (an outlet is two words or more: "Los Angeles Times" stays whole)
        if words[start][:1].isupper() and any(w.casefold().strip(".,") in _OUTLET_WORDS for w in words[start:]):
            return " ".join(words[:start])
    return name


def _is_outlet(name: str) -> bool:
    """A newspaper's or a channel's name ("Los Angeles Times", "The Washington Post", "El Sol de
    México", "Le Monde"): two capitalised words or more, the last a news organisation's word or
    the first an article, as no person's name starts."""
    words = name.split()
    return len(words) >= 2 and (words[-1].casefold().strip(".,") in _OUTLET_WORDS or
                                (words[0] in _ARTICLES and words[1][:1].isupper())) and \
        all(w[:1].isupper() for w in words if w.casefold() not in _NAME_PARTICLES) and \
        not any(w.casefold().strip(".,") in AGENCIES for w in words)  # "The Associated Press" is credited


# (Not "Le", "Lo", "Das": surnames that start names. A co-author whose name starts "La", as
# La Toya Jackson's, is taken for a paper: rarer on bylines than "Jane Doe | La Nación".)
_ARTICLES = frozenset("The El La Il Die Der".split())


# The last word of a newspaper's or a channel's name ("New York Daily News", "Washington Post").
_OUTLET_WORDS = frozenset("news post times daily journal herald tribune gazette press magazine media network tv "
                          "radio weekly chronicle observer guardian telegraph independent".split())


# English words that are never a name alone: what "My Profile", "On Twitter" leave once a
# noise word is cut.
_FUNCTION_WORDS = frozenset("my on it to no be in at by of the an we us our your you me he she they his her "
                            "and or for up so do go if is as all".split())


# A CMS's default account, never a person's name: "Posted by admin".
_ACCOUNTS = frozenset("admin administrator webmaster".split())
# Lower-case words that start the place or the section a byline names after its people.
_PLACE_PREPOSITIONS = frozenset("in at on from via".split())


def is_cms_account(text: str) -> bool:
    """A CMS's default account ("admin", "Webmaster"), which names no person."""
    return text.strip().casefold() in _ACCOUNTS


def _looks_like_name(name: str, *, visible: bool) -> bool:
    """A person's or agency's name, not a sentence, a date, a count or a label."""
    if name.casefold() in AGENCIES:
        return True
    if len(name) < 2 or len(name) > _MAX_NAME_CHARS or _NOT_IN_NAMES.search(name):
        return False
    if _CREDENTIAL.fullmatch(name) or name.casefold().rstrip(".") in (_CALENDAR_WORDS | _FUNCTION_WORDS | _ACCOUNTS):
        return False  # (a word left when a control's name was cut: "My" of "My Profile")
    words = name.split()
    if words[0] in _PLACE_PREPOSITIONS:
        return False  # where the byline was written or filed: "…, with Paul Magnusson and Stan Crock, in Washington"
    if len(words) > _MAX_NAME_WORDS:
        return False
    if in_latin_script(name):
        # Latin script: a name is written with capitals ("ibby" from a CMS account is kept
        # when declared, not when it is a word of running text).
        if visible and not _HAS_UPPER.search(name):
            return False
        lower = sum(1 for w in words if w[:1].islower() and w.lower() not in _NAME_PARTICLES)
        # A declared account written all in lower case ("kirstin boatto") is a name; lower-case
        # words beside capitalised ones are a phrase ("Jane is a writer").
        if lower > 1 and (visible or lower < len(words) or len(words) > 3):
            return False
    return any(ch.isalpha() for ch in name)


# The beat before a job title: "Business reporter", "Political correspondent".
_BEATS = frozenset("business political politics technology tech health science sports sport economics economy "
                   "entertainment culture security legal foreign national international environment climate "
                   "education media royal diplomatic defence defense finance markets travel food fashion music "
                   "film arts world global investigations ai".split())
# Lower-case words inside names: "Ludwig van Beethoven", "Maria de la Cruz", "bin", "al".
_NAME_PARTICLES = frozenset("van von der den de del della di da dos das du la le bin ibn al el y e zu ter ten".split())


def in_latin_script(text: str) -> bool:
    """True for a text with a letter of the Latin script, whose names are written with capitals."""
    return _LATIN_LETTER.search(text) is not None


def is_written_name(name: str) -> bool:
    """A name as a template writes one beside a date, with nothing to say it is a name (no
    "By", no author markup): two to four words, each capitalised (or a particle: "van", "de"),
    none a section's word, no digits; or, in a script without capitals, one word of 2–10
    letters ("松村太郎"). A single Latin word ("Gabo", or "Travel"?) is no such name."""
    words = name.split()
    if not in_latin_script(name):
        return len(words) == 1 and 2 <= len(name) <= 10 and name.isalpha()
    if words[0] == "The" or _GLUED_WORDS.search(name) or name.isupper():
        return False  # a podcast's or a site's name ("The Indie Hackers Podcast"), words run together, a dateline's city
    if any(word.casefold().strip(".,&") in _SECTION_WORDS for word in words):
        return False  # a section or a kicker over its date: "World News | March 3, 2024", "Photo Gallery"
    return 2 <= len(words) <= 4 and all(
        (word[:1].isupper() and not any(ch.isdigit() for ch in word)) or word in _NAME_PARTICLES for word in words)


_GLUED_WORDS = re.compile(r"[a-z]{3,}[A-Z]")  # "Max BlumenthalThe GrayzoneThu", "Andrea WongAndrea Wong"
# The words of sections, kickers and labels that a template shows beside a date where a blog
# shows its author's name; none is in a person's name.
_SECTION_WORDS = _BEATS | frozenset(
    "news breaking top latest live local world national politics money lifestyle style beauty sport sports movies "
    "books opinion opinions editorial editorials column columns letters analysis review reviews feature features story "
    "stories report reports release releases press photo photos gallery galleries video videos podcast podcasts "
    "newsletter events event community home garden improvement tips guide guides update updates weather traffic crime "
    "courts obituaries blog blogs weekly daily magazine sponsored partner content featured trending popular recent "
    "more read new york city county state region regional metro nation energy real estate auto autos cars jobs career "
    "careers family parenting relationships religion faith deals shopping wellness".split())


def _name_key(name: str) -> str:
    text = unicodedata.normalize("NFKD", name).casefold()
    return re.sub(r"[^\w]+", "", "".join(ch for ch in text if not unicodedata.combining(ch)))


def same_name(a: str, b: str) -> bool:
    """The same person written two ways: case, accents, middle initials, "Dr." aside."""
    ka, kb = _name_key(a), _name_key(b)
    if ka == kb:
        return True
    wa, wb = _name_words(a), _name_words(b)
    return bool(wa) and bool(wb) and (wa <= wb or wb <= wa) and min(len(wa), len(wb)) >= 2


def _name_words(name: str) -> frozenset[str]:
    return frozenset(w for w in (_name_key(p) for p in name.split()) if len(w) > 1 and w not in {"dr", "prof", "mr", "mrs", "ms"})


def dedupe(names: Iterable[str]) -> list[str]:
    """Names in order, each person once (the first spelling kept)."""
    kept: list[str] = []
    for name in names:
        if not any(same_name(name, other) for other in kept):
            kept.append(name)
    return kept


def is_site_name(name: str, site_names: Sequence[str]) -> bool:
    """The publication itself named as author ("BBC News" on bbc.co.uk, "CNN"); a person's
    name that is also the site's ("Rick Steves", "Gary Marcus" on garymarcus.substack.com)
    stays a person."""
    if _DOMAIN_NAME.fullmatch(name.strip()):
        return True  # a site's address, as its name: "CBSNews.com", "NHL.com"
    key = _name_key(name)
    words = name.split()
    if len(words) > 1 and not any(w.casefold().strip(".,") in _ORG_WORDS for w in words):
        return False  # written as a person's name
    for site in site_names:
        site_key = _name_key(site)
        if not site_key:
            continue
        if key == site_key or key in {site_key + w for w in _SITE_WORDS} or (len(key) >= 6 and key in site_key):
            return True
    return False


_DOMAIN_NAME = re.compile(r"(?:www\.)?[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|info|biz|io|tv|co|uk|de|fr|es|it|ru|in|au|ca)",
                          re.IGNORECASE)
# Words that make a name an organisation's: "BBC News", "Us Weekly Staff", "TOI Lifestyle Desk".
_ORG_WORDS = frozenset("the news media times post press network tv radio daily journal magazine group inc ltd "
                       "llc gmbh team staff online channel agency desk redaktion redacción rédaction editorial "
                       "newsroom com weekly herald tribune gazette review report reports".split())
_SITE_WORDS = ("news", "online", "digital", "com", "redaktion", "redaccion", "redaction", "editorial", "web")


def choose_authors(visible: AuthorCandidates, declared: Sequence[AuthorCandidates],
                   site_names: Sequence[str], *, news: bool = True) -> AuthorCandidates:
    """The authors by the module's rule: the visible byline when a declared name confirms it
    (it may name more people than the meta tag) or when it is a marked-up byline; else the
    declared names; else whatever survived. A CMS login ("andrew.keaveney", "TurboTaxLisa")
    loses to a person's full name on the other side. The publication's own name is dropped
    beside a person's, and on a news article ("BBC News") even alone unless the page's byline
    shows it ("Posted by IndustrySelect", "By Reuters"); a blog or a company page that names
    itself as author keeps it."""
    candidates = [visible, *declared]
    people = any(not is_site_name(n, site_names) for c in candidates for n in c.names)
    if people or news and not visible.names:
        visible = _without_site(visible, site_names)
        declared = [_without_site(c, site_names) for c in declared]
    shown = dedupe(visible.names)
    stated = next((c for c in declared if c.names), None)
    spellings = [name for c in declared for name in c.names]
    if stated is None:
        return AuthorCandidates(tuple(_prefer_cased(shown, spellings)), visible.origin if shown else "")
    confirmed = shown and any(same_name(d, v) for d in stated.names for v in shown)
    desk = all(_is_desk(n) for n in stated.names) and not all(_is_desk(n) for n in shown)
    # An organisation credited only in the markup, or the site's own name given as a Person.
    weak = stated.origin == "json-ld organisation" or all(
        _name_key(n) in {_name_key(site) for site in site_names} for n in stated.names)
    # A CMS login ("andrew.keaveney", "KatieS", "TurboTaxLisa") loses to a person's full name.
    shown_handles = bool(shown) and all(_is_handle(n) for n in shown)
    stated_handles = all(_is_handle(n) for n in stated.names)
    if shown_handles and not stated_handles:
        return AuthorCandidates(tuple(_prefer_cased(dedupe(stated.names), spellings)), stated.origin)
    full_name = any(len(n.split()) > 1 and all(w[:1].isupper() or w in _NAME_PARTICLES for w in n.split())
                    for n in shown)
    if confirmed or desk or (shown and (visible.origin == "byline" or weak or stated_handles and full_name)):
        return AuthorCandidates(tuple(_prefer_cased(shown, spellings)), visible.origin)
    return AuthorCandidates(tuple(_prefer_cased(dedupe(stated.names), spellings)), stated.origin)


def _is_handle(name: str) -> bool:
    """A site account rather than a written name: one word with dots, underscores, digits or
    a capital inside ("andrew.keaveney", "q_admin", "TurboTaxLisa", "KatieS")."""
    return " " not in name.strip() and _HANDLE.search(name) is not None


_HANDLE = re.compile(r"[._\d]|[a-z][A-Z]")


def _is_desk(name: str) -> bool:
    """A newsroom desk or team rather than a person: "Auswärtige Autoren", "Us Weekly Staff"."""
    return any(w.casefold().strip(".,()") in _ORG_WORDS | _DESK_WORDS for w in name.split())


_DESK_WORDS = frozenset("autoren autor redaktion redaktionen editors editor desk team staff newsroom agencies "
                        "agenturen agences agencias reporters".split())


def _without_site(candidates: AuthorCandidates, site_names: Sequence[str]) -> AuthorCandidates:
    return AuthorCandidates(tuple(n for n in candidates.names if not is_site_name(n, site_names)), candidates.origin)


def _prefer_cased(names: Sequence[str], others: Sequence[str]) -> list[str]:
    """An all-capitals name, or surname ("Patrick ANGEVIN"), takes the spelling the page gives
    elsewhere, else title case; agencies keep theirs ("AFP", "dpa")."""
    result = []
    for name in names:
        words = name.split()
        person = not _is_desk(name) and any(not w.isupper() for w in words)
        if name.isupper() and name.casefold() not in AGENCIES or person and any(w.isupper() and len(w) > 2 for w in words):
            better = next((o for o in others if same_name(o, name) and not any(w.isupper() and len(w) > 2
                                                                              for w in o.split())), None)
            name = better or (title_case(name) if name.isupper() else
                              " ".join(title_case(w) if w.isupper() and len(w) > 2 else w for w in words))
        result.append(name)
    return result


def title_case(name: str) -> str:
    """"O'BRIEN" → "O'Brien", "SMITH-JONES" → "Smith-Jones", "E." → "E."."""
    return " ".join(re.sub(r"[^\W\d_]+", lambda m: m.group(0)[0].upper() + m.group(0)[1:].lower(), word)
                    for word in name.split(" "))
