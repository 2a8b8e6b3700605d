"""A toll told over several sentences (issue #8).

"The number of Algerians killed is disputed. French officials put it at 1,020 and
later at about 1,500. Historians' estimates range from 6,000 to 8,000. The
Algerian government gives a figure of 45,000." The first sentence names the toll
as a quantity with no figure (a figure noun or "how many" on a word of death or
flight); the sentences after it in its paragraph that name no harm of their own
give its figures, each a bare number or a figure noun's value, in a sentence that
speaks of figures (a figure noun, or a light verb such as "put it at"). Each such
number counts the topic's people, as its first sentence names them. A toll told
with its own figure ("No more than 25,000 were killed") is the topic of a figure
noun's value in a sentence after it ("It rejected the figure of 135,000"): a rival
figure of that toll. The words are data (rules.json `figure_nouns`,
`count_link.light_verbs`).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from claims.context import DocContext
from claims.count_words import figure_words, trigger_kind
from claims.rules import rules
from claims.tree import tree_distance

MAX_BACK = 3  # sentences: a toll's figures follow the sentence that names it closely
TOPIC_DISTANCE = 3  # edges from the figure noun to the death word: "the number of Algerians killed"


def toll_topic(ctx: DocContext, sent: Span) -> tuple[Token, str] | None:
    """The death or flight word (and its kind) of the toll an earlier sentence of the paragraph
    names without a figure, when `sent` and the sentences between name no harm of their own."""
    if not _speaks_of_figures(sent):
        return None
    i = ctx.sentence_index(sent)
    counted: tuple[Token, str] | None = None  # the nearest toll told with its figure
    for back in range(1, MAX_BACK + 1):
        j = i - back
        if j < 0:
            break
        prev = ctx.sentences[j]
        if "\n" in ctx.text[prev.start_char + len(prev.text.rstrip()) : sent.start_char]:
            break  # another paragraph
        triggers = [(t, k) for t in prev if (k := trigger_kind(t))]
        if not triggers:
            if not _speaks_of_figures(prev):
                break  # the talk has moved on
            continue
        if ctx.numbers_in(prev.start_char, prev.end_char):
            # "The authorities admitted to about 1,500 dead": a figure of the toll, not its topic; "No
            # more than 25,000 were killed ... It rejected the figure of 135,000": a rival of that toll
            counted = counted or triggers[0]
            continue
        return next(((t, k) for t, k in triggers if _named_as_a_quantity(t)), None)
    return counted if counted is not None and _names_a_figure(sent) else None


def _names_a_figure(sent: Span) -> bool:
    """A figure noun with a number as its value: "the figure of 135,000", "an estimate of 250,000"."""
    figures, _ = figure_words()
    return any(
        t.lemma_.lower() in figures and t.pos_ == "NOUN" and any(n.like_num for n in t.subtree if n.i != t.i)
        for t in sent
    )


def _speaks_of_figures(sent: Span) -> bool:
    figures, light = figure_words()
    return any(t.lemma_.lower() in figures or (t.pos_ == "VERB" and t.lemma_.lower() in light) for t in sent)


def _named_as_a_quantity(trigger: Token) -> bool:
    """ "the number of Algerians killed", "the death toll", "how many Algerians died"."""
    figures, _ = figure_words()
    sent = trigger.sent
    for tok in sent:
        if tok.lemma_.lower() in figures and tok.pos_ == "NOUN" and tree_distance(tok, trigger) <= TOPIC_DISTANCE:
            return True
        if tok.lower_ == "many" and any(c.lower_ == "how" for c in tok.children):
            if tree_distance(tok, trigger) <= TOPIC_DISTANCE:
                return True
    return False


def how_many(people: Token) -> Span | None:
    """ "How many" before the toll's people: words of the question, not of whom it counts."""
    many = next((c for c in people.children if c.lower_ == "many"), None)
    how = next((c for c in many.children if c.lower_ == "how"), None) if many is not None else None
    return people.doc[min(how.i, many.i) : max(how.i, many.i) + 1] if how is not None and many is not None else None


def topic_people(trigger: Token) -> Token:
    """Whom the toll counts: "Algerians" in "the number of Algerians killed", "how many Algerians
    died"; the death word itself when it names no people ("the death toll")."""
    if trigger.dep_ in ("acl", "relcl", "amod") and trigger.head.pos_ in ("NOUN", "PROPN"):
        return trigger.head
    subjects = [c for c in trigger.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ in ("NOUN", "PROPN")]
    return subjects[0] if subjects else trigger


def figure_of(root: Token, noun: Token, num_span: Span) -> Token | None:
    """The word that makes a number the toll's figure in its sentence: a figure noun it is the value
    of ("a figure of 45,000", "put the number at 45,000") or the light verb it hangs on ("put it at
    1,020"); None for a number that counts something else ("50 years", "3 divisions")."""
    figures, light = figure_words()
    if not (num_span.start <= noun.i < num_span.end or noun.lemma_.lower() in figures):
        return None
    if noun.lemma_.lower() in figures:
        return None if _current(noun) else noun
    for tok in list(root.ancestors)[:4]:
        if tok.lemma_.lower() in figures:
            return None if _current(tok) else tok
        if tok.pos_ == "VERB" and tok.lemma_.lower() in light:
            # "put it at 1,020", "estimates range from", "the total rose to 93": the verb is the figure's
            told = [c for c in tok.children if c.dep_ in ("dobj", "nsubj", "nsubjpass")]
            return tok if any(c.lower_ in ("it", "this") or c.lemma_.lower() in figures for c in told) else None
    return None


def _current(figure: Token) -> bool:
    """ "the current figure of 5.7 million": a count of today, not of the event."""
    return any(c.lower_ in rules()["count_link"]["current_words"] for c in figure.children)
