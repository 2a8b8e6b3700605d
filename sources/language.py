"""Which language a text is in, so that a French or Russian account is named, not met with silence (issue #10).

The claim rules and the spaCy pipeline read English only: a text in another
language gives no claims, and an empty analysis would look like "nothing to
find". Detection uses py3langid (its model ships inside the package; nothing
is downloaded) on a few slices of the text, and a text that is plainly full of
English function words is English whatever else it quotes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from typing import TYPE_CHECKING

from sources.errors import NotEnglish

if TYPE_CHECKING:
    from sources.models import Source

ENGLISH = "en"
UNDETERMINED = "und"
MIN_WORDS = 8  # shorter than this: too little to tell, analysed as English
LONG_WORDS = 60  # only a text this long is called "not English" without a confident identification
SLICE_CHARS = 2_000  # three slices (start, middle, end) of a long text: bounded time
# Share of words that are English function words: about 0.35 in English news
# prose, under 0.02 in French or Russian (names and quoted titles aside).
ENGLISH_SURE = 0.15
ENGLISH_NONE = 0.03
CONFIDENT = 0.9  # py3langid's normalised probability needed to call a text not English

_WORD = re.compile(r"[^\W\d_]+")
_FUNCTION_WORDS = frozenset(
    "the a an of to in on at by for with from and or but that this these those is are was were be been has have had"
    " it its he she they their his her we our you not as which who said after before were into than".split()
)

# Languages with a trained spaCy pipeline (spaCy 3.8), and the names said to the user.
NAMES = {
    "ar": "Arabic", "az": "Azerbaijani", "ca": "Catalan", "cs": "Czech", "da": "Danish", "de": "German",
    "el": "Greek", "en": "English", "es": "Spanish", "fa": "Persian", "fi": "Finnish", "fr": "French",
    "he": "Hebrew", "hi": "Hindi", "hr": "Croatian", "hu": "Hungarian", "hy": "Armenian", "id": "Indonesian",
    "it": "Italian", "ja": "Japanese", "ka": "Georgian", "ko": "Korean", "ku": "Kurdish", "lt": "Lithuanian",
    "mk": "Macedonian", "nb": "Norwegian", "nl": "Dutch", "no": "Norwegian", "pl": "Polish", "ps": "Pashto",
    "pt": "Portuguese", "ro": "Romanian", "ru": "Russian", "sl": "Slovenian", "sq": "Albanian", "sr": "Serbian",
    "sv": "Swedish", "tr": "Turkish", "uk": "Ukrainian", "ur": "Urdu", "vi": "Vietnamese", "zh": "Chinese",
    UNDETERMINED: "a language other than English",
}  # fmt: skip
_PIPELINES = {
    code: f"{code}_core_news_sm" for code in "ca da de el es fi fr hr it ja ko lt mk nb pl pt ro ru sl sv uk".split()
}
_PIPELINES |= {"zh": "zh_core_web_sm", "no": "nb_core_news_sm"}


def detect_language(text: str) -> str:
    """An ISO 639-1 code ("en", "fr", ...), or "und" for a text that is not English but not recognised."""
    sample = _sample(text)
    words = _WORD.findall(sample)
    if len(words) < MIN_WORDS:
        return ENGLISH
    english = sum(1 for word in words if word.lower() in _FUNCTION_WORDS) / len(words)
    if english >= ENGLISH_SURE:
        return ENGLISH
    identifier = _identifier()
    if identifier is None:  # the library is missing (an old install): function words alone decide
        long_enough = len(words) >= LONG_WORDS or _mostly_other_script(words)
        return UNDETERMINED if english < ENGLISH_NONE and long_enough else ENGLISH
    code, confidence = identifier.classify(sample)
    if _mostly_other_script(words):  # Arabic, Cyrillic, Chinese...: not English whatever the score
        return code if code != ENGLISH else UNDETERMINED
    if code == ENGLISH:
        return ENGLISH
    if confidence >= CONFIDENT:
        return code
    # Unsure: a headline-like English text ("KABUL - 42 killed, 30 wounded") has few function words;
    # only a long text with next to none is called not English.
    return UNDETERMINED if english < ENGLISH_NONE and len(words) >= LONG_WORDS else ENGLISH


def _mostly_other_script(words: list[str]) -> bool:
    letters = "".join(words)
    latin = sum(1 for char in letters if char < "\u0250")  # Basic Latin to Latin Extended-B
    return latin < 0.5 * len(letters)


def language_name(code: str) -> str:
    return NAMES.get(code, code)


def pipeline_for(code: str) -> str | None:
    """The spaCy pipeline a text in this language would need, if spaCy has one."""
    return _PIPELINES.get(code)


def _sample(text: str) -> str:
    if len(text) <= 3 * SLICE_CHARS:
        return text
    middle = len(text) // 2 - SLICE_CHARS // 2
    return "\n".join((text[:SLICE_CHARS], text[middle : middle + SLICE_CHARS], text[-SLICE_CHARS:]))


@cache
def _identifier():  # noqa: ANN202 - py3langid's class, or None
    try:  # 0.2 s to load: only for a text that needs it
        from py3langid.langid import MODEL_FILE, LanguageIdentifier
    except ImportError:
        return None
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def not_english(name: str, code: str) -> NotEnglish | None:
    """The warning for a source in `code` (None for English): which language, and what it would need."""
    if code == ENGLISH:
        return None
    language = language_name(code)
    pipeline = pipeline_for(code)
    if code == UNDETERMINED:
        need = "no English words found"
    elif pipeline is None:
        need = f"spaCy has no {language} pipeline"
    else:
        need = f"{language} would need the spaCy pipeline {pipeline} and claim rules in {language}"
    return NotEnglish(name, language=language, need=need)


def language_warnings(sources: Iterable[Source]) -> list[str]:
    """One line per source that is not in English: it gives no claims, and the user is told why (issue #10)."""
    return [warning.line() for source in sources if (warning := not_english(source.name, source.language))]
