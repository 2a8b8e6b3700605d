"""Clean the text of a source before any claim is read from it (issue #2).

Pages copied from news sites carry "furniture": breadcrumbs, share buttons,
view counters, "Read more" links. Left in, they become bogus sentences (a
view counter is a number the claim extractor would happily read). The rules
below are general, not tied to any site, and they never touch a line that
reads like a real sentence of the article.
"""

from __future__ import annotations

import re

# A line with this many words that ends like a sentence is article text, whatever
# the rules say: losing a sentence is worse than keeping a stray button label.
_SENTENCE_MIN_WORDS = 8
_SENTENCE_END = re.compile(r"""[.!?]["'”’»)\]]*$|["”’»]$""")

_F = re.IGNORECASE

# Words a time stamp is made of ("July 14, 2024 01:49", "3 hours", "Fri 19th Aug").
_MONTH = r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
_MONTH += r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
_DAY = r"mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs(?:day)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?"
_STAMP_WORD = (
    rf"\d{{1,4}}(?:st|nd|rd|th|h|m|s)?|{_MONTH}|{_DAY}|(?:second|sec|minute|min|hour|hr|day|week|month|year)s?"
    r"|ago|am|pm|a\.m\.|p\.m\.|at|on|an?|just|now|yesterday|today|utc|gmt|[a-z]{1,3}t"
)
_STAMP = rf"(?:{_STAMP_WORD})(?:[\s,:./+()-]+(?:{_STAMP_WORD}))*\.?"

# Line-level furniture, each matched against the whole stripped line (issue #2).
FURNITURE: tuple[re.Pattern[str], ...] = (
    # Breadcrumbs: short segments joined by » or › ("Home page » World » Europe").
    re.compile(r"[^.!?«»›]{1,40}(?:\s*[»›]\s*[^.!?«»›]{1,40})+[»›]?", _F),
    # Breadcrumbs with plain separators need two of them ("Home > World > Europe").
    re.compile(r"[^.!?>|]{1,40}(?:\s+[>|]\s+[^.!?>|]{1,40}){2,}", _F),
    # Counters before the number ("Read: 1213", "Views: 55", "Comments 3").
    re.compile(r"(?:reads?|views?|comments?|likes?|shares?|hits|visits)\s*[:：]?\s*\d[\d,.\s]*[km]?", _F),
    # Counters after the number ("1,213 views", "3 comments").
    re.compile(r"\d[\d,.]*[km]?\s+(?:reads?|views?|comments?|likes?|shares?)", _F),
    # Share buttons, alone or as a run ("Share This Article", "Share on Facebook", "Tweet Email").
    re.compile(
        r"(?:share(?:\s+(?:this|the))?(?:\s+(?:article|story|post|page|via|on))?\s*"
        r"(?:facebook|twitter|x|whatsapp|linkedin|telegram|reddit|e-?mail|messenger|pinterest)?\s*:?\s*)"
        r"|(?:(?:tweet|e-?mail|print|copy\s+link|facebook|twitter|whatsapp|linkedin|telegram|reddit"
        r"|pinterest|messenger|flipboard)[\s,|•·/]*)+",
        _F,
    ),
    # Update stamps ("Last update: July 14, 2024 01:49", "Updated 3 hours ago"); a
    # plain publication date is kept because it may be the only date we get.
    re.compile(rf"(?:last\s+)?(?:updated?|modified|edited)(?:\s+(?:on|at))?\s*:?\s*(?:{_STAMP})?", _F),
    # Relative time and reading time ("3 hours ago", "4 min read").
    re.compile(rf"(?:{_STAMP})\s+(?:ago|read)", _F),
    # Logo alt texts ("Newsroom logo").
    re.compile(r"[^.!?]{0,60}\blogo", _F),
    # Calls to join or follow ("Join Example+ today", "Follow us on Telegram").
    re.compile(r"join\b[^.!?]{1,40}\btoday[.!]?|follow\s+us(?:\s+on\b[^.!?]{1,30})?", _F),
    # Sign-up and log-in prompts ("Subscribe", "Subscribe to our newsletter", "Sign in").
    re.compile(
        r"(?:subscribe|sign\s+up|log\s*in|sign\s+in|register)(?:\s+(?:now|today|here))?"
        r"(?:\s+(?:to|for)\b[^.!?]{1,40})?[.!]?",
        _F,
    ),
    # Links to more pages ("Read more", "Continue reading", "Related stories").
    re.compile(
        r"(?:read\s+more|continue\s+reading|see\s+more|show\s+more|load\s+more|more\s+stories"
        r"|related(?:\s+(?:articles|stories|news|topics))?|recommended(?:\s+for\s+you)?"
        r"|you\s+may\s+also\s+like|most\s+read|trending(?:\s+now)?)\s*[:.…»>]*",
        _F,
    ),
    # Advertising slots ("Advertisement", "Story continues below advertisement").
    re.compile(
        r"advertisement|advertising|sponsored(?:\s+content)?|ad|scroll\s+to\s+continue(?:\s+with\s+content)?"
        r"|(?:story\s+)?continues\s+below(?:\s+advertisement)?",
        _F,
    ),
    # Icon-font names leaked as text ("icon bookmark-bicon bookmarkicon cameraicon").
    re.compile(r"(?:\S*icon\S*\s+){2,}\S*icon\S*", _F),
    # Navigation words ("Skip to main content", "Back to top", "Menu", "Search").
    re.compile(
        r"skip\s+to\s+(?:main\s+)?content|back\s+to\s+top|(?:main\s+)?menu|home|search|close"
        r"|toggle\s+navigation|navigation",
        _F,
    ),
    # Copyright footers ("© 2024 Example Herald", "All rights reserved.").
    re.compile(r"(?:©|\(c\)|copyright\s*(?:©|\(c\))?\s*(?=\d{4}))[^!?]{0,80}|all\s+rights\s+reserved\.?", _F),
    # Tag lists ("Tags: ceasefire, border").
    re.compile(r"tags?\s*:[^.!?]{0,120}", _F),
)

# Invisible characters that only get in the way: zero-width space, BOM, soft hyphen.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\ufeff\u00ad"))
# Control characters (Unicode category Cc) other than tab and newline.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_BLANK_RUN = re.compile(r"\n{3,}")


def clean_text(text: str) -> str:
    """Normalise `text` and drop page furniture; idempotent (issue #2)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_INVISIBLE)
    text = _CONTROL.sub("", text)
    lines = [line.rstrip() for line in text.split("\n")]
    kept = [line for line in lines if not is_furniture(line)]
    return _BLANK_RUN.sub("\n\n", "\n".join(kept)).strip("\n")


def is_furniture(line: str) -> bool:
    """True if `line` is page furniture rather than article text."""
    stripped = line.strip()
    if not stripped or _looks_like_sentence(stripped):
        return False
    return any(rule.fullmatch(stripped) for rule in FURNITURE) or _mostly_icon_names(stripped)


def _mostly_icon_names(line: str) -> bool:
    """An icon font's glyph names run together ("full chevron downicon closeicon ...")."""
    words = line.split()
    named = sum(1 for w in words if "icon" in w.lower())
    return named >= 5 and named * 2 >= len(words)


def _looks_like_sentence(line: str) -> bool:
    return len(line.split()) >= _SENTENCE_MIN_WORDS and _SENTENCE_END.search(line) is not None


# Reference marks of wiki-style text: "[12]", "[a]", "[citation needed]", and one cut off
# at the end of an excerpt ("killed[7"). Issue #8: they were read as counts, hid trigger
# words and sentence ends.
# A note number in round brackets glued to a sentence's end (".(1)", "1948.(12)") is a mark too.
_CITATION = re.compile(
    r"\[(?:\d{1,3}|[a-z]|citation needed|note \d{1,3}|nb \d{1,3})\]|(?<=\S)\[\d{1,3}(?=\s|$)|(?<=[.!?\"”])\(\d{1,3}\)",
    _F,
)


_NEXT_STARTS = re.compile(r"\s*[\dA-Z]")


def mask_citations(text: str) -> str:
    """The text with reference marks blanked out by spaces of the same length, so every
    offset into it is an offset into the original: quotes stay true to the source."""

    def blank(m: re.Match[str]) -> str:
        # a mark before a new figure or sentence ("per HRW[2] 53 dead") also ended what came before
        boundary = _NEXT_STARTS.match(text, m.end()) is not None
        return ("\n" if boundary else " ") + " " * (len(m.group()) - 1)

    return _CITATION.sub(blank, text)


# An excerpt cut off mid-word ("... proclaimed a humanitarian ceasef"): its last word, in lower case,
# with no sentence end after it and written nowhere in English at large, is a fragment (issue #8:
# a truncated last sentence). Blanked, it names no fact and ends no quote; every offset into the
# source stays true, so a quote is still the source's own words.
_LAST_WORD = re.compile(r"(?<![\w'’-])([a-z]{2,})\s*$")


def mask_cut_word(text: str) -> str:
    """The text with a fragment of a word cut off at its very end blanked by spaces (offsets
    unchanged): a whole word, a name or a sentence end at the end leaves the text as it is."""
    from wordfreq import zipf_frequency  # its word lists load on first use, never at import

    m = _LAST_WORD.search(text)
    if m is None or zipf_frequency(m.group(1), "en") > 0:
        return text
    return text[: m.start(1)] + " " * len(m.group(1)) + text[m.end(1) :]


# A text wrapped at a fixed width breaks its sentences across lines ("It initially estimated the
# / death toll at 100 to 200"): the parser then reads each line as a sentence, so a count loses its
# verb. A line break inside a paragraph, after a long line that does not end a sentence, is a space.
_WRAPPED = re.compile(r"(?<=[^\s.!?:;\"”’)|\]])\n(?=[a-z])")
WRAP_MIN_CHARS = 40


WRAP_MAX_CHARS = 100  # a line longer than this is a paragraph of its own, not a wrapped line
WRAP_SURE_CHARS = 60  # a two-line paragraph whose first line is this long and ends mid-sentence
WRAP_RAGGED_CHARS = 25  # lines wrapped at one width differ by less than a long word or two
_PARAGRAPH = re.compile(r"[^\n](?:.|\n(?!\s*\n))*")  # lines up to a blank line
_ENDS_SENTENCE = (".", "!", "?", ":", ";", '"', "”", "’")


def unwrap_lines(text: str) -> str:
    """The text with hard line wraps inside paragraphs turned into spaces; offsets unchanged.

    A paragraph every line of which but the last is 40-100 characters long (three lines or more,
    or two whose first ends mid-sentence) was wrapped at a fixed width: all its breaks are spaces,
    whatever the next line starts with ("risen to / 171", "at / Beirut's port"). Elsewhere a break
    after a long line that does not end a sentence, before a lower-case word, is a space."""
    text = _PARAGRAPH.sub(lambda m: _join_wrapped(m.group(0)), text)

    def join(m: re.Match[str]) -> str:
        start = text.rfind("\n", 0, m.start()) + 1
        line = text[start : m.start()]
        return " " if len(line) >= WRAP_MIN_CHARS and " | " not in line else "\n"

    return _WRAPPED.sub(join, text)


def _join_wrapped(paragraph: str) -> str:
    if paragraph.endswith("\n"):
        return _join_wrapped(paragraph[:-1]) + "\n"
    lines = paragraph.split("\n")
    body = [line.rstrip() for line in lines[:-1]]
    if not body or not all(WRAP_MIN_CHARS <= len(line) <= WRAP_MAX_CHARS and " | " not in line for line in body):
        return paragraph
    if len(lines) == 2 and (len(body[0]) < WRAP_SURE_CHARS or body[0].endswith(_ENDS_SENTENCE)):
        return paragraph
    widest = max(len(line) for line in body)
    if widest < WRAP_SURE_CHARS or any(widest - len(line) > WRAP_RAGGED_CHARS for line in body):
        return paragraph  # rows of a list or a box, not prose wrapped at one width
    return paragraph.replace("\n", " ")
