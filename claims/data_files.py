"""The knowledge kept as data in claims/data: each file's schema, reading it, and its fingerprint.

Every file is checked by a pydantic model when it is first read (issue #7): a
bad edit is one line naming the file and the field (BadDataFile), not a
KeyError deep in an extractor. `fingerprint` is a short hash of the files that
goes into the pipeline version, so editing a rule re-extracts workspaces.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib import metadata, resources
from importlib.resources.abc import Traversable
from typing import Annotated, Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from sources.errors import BadDataFile
from sources.schemas import check, read_json

DATA: Traversable = resources.files("claims") / "data"
M = TypeVar("M", bound=BaseModel)

Word = Annotated[str, StringConstraints(min_length=1)]
Words = list[Word]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


# -- rules.json -------------------------------------------------------------------


class Triggers(_Strict):
    """Lemmas that make a sentence a claim of one kind ("killed", "fled")."""

    verbs: Words
    nouns: Words
    adjectives: Words
    # issue #8: "lost 14 soldiers" counts only the verb's object; "crossed into" counts only
    # people who are not fighters (troops cross borders too)
    object_verbs: Words = []
    civilian_verbs: Words = []
    # issue #8: a verb whose active subject is always who did it ("ten states expelled the envoys")
    agent_verbs: Words = []
    # issue #8: a verb that makes the kind only with one of its particles ("gunned down 12 protesters")
    phrasal_verbs: dict[Word, Words] = {}


class Qualifiers(_Strict):
    lower_bound: Words
    upper_bound: Words
    approximate: Words
    upper_estimate: Words
    # issue #8: "1,000 or more", "12 or so" (a bound said after the figure) and "30, if not 40" /
    # "8,000 or 10,000" (alternatives read as one range)
    lower_bound_after: Words = []
    upper_bound_after: Words = []
    approximate_after: Words = []
    alternatives: Words = []


class ScopeWords(_Strict):
    general: Words
    roles: dict[str, Words]
    doc_role_phrases: str = Field("", alias="_doc_role_phrases")
    role_phrases: dict[str, str] = {}  # "police officers": police, though "officers" alone are soldiers
    doc_civilian_roles: str = Field("", alias="_doc_civilian_roles")
    civilian_roles: Words = []  # "37 children": some of the civilians
    subset_markers: Words
    doc_single_articles: str = Field("", alias="_doc_single_articles")
    single_articles: Words = []  # "a policeman was killed": one dead
    doc_singled_out: str = Field("", alias="_doc_singled_out")
    singled_out: Words = []  # "in our street alone, 23 were killed": a part singled out
    doc_own_people: str = Field("", alias="_doc_own_people")
    own_people: Words = []  # "200 of our people": the speaker's own, a part
    doc_body_nouns: str = Field("", alias="_doc_body_nouns")
    body_nouns: Words = []  # "68,650 bodies": a floor of the toll, not a rival figure
    doc_combatant_sides: str = Field("", alias="_doc_combatant_sides")
    combatant_sides: dict[str, Words] = {}  # "soldiers": a state's; "fighters": an armed group's
    people_nouns: Words
    total_markers: Words
    person_suffixes: Words = []  # issue #8: "activists", "reservists", "gunmen" name people by their ending
    doc_person_kinds: str = Field("", alias="_doc_person_kinds")
    person_kinds: Words = []  # issue #8: "34 miners": people of one kind, a part of a count of people
    added_markers: Words = []  # issue #8: "another 50", "it includes 64": more people or some of them
    part_verbs: Words = []
    doc_added_after: str = Field("", alias="_doc_added_after")
    added_after: Words = []  # "three more children"
    doc_suffer_verbs: str = Field("", alias="_doc_suffer_verbs")
    suffer_verbs: Words = []  # "the police suffered no deaths": whose dead
    more_markers: Words = []  # "another 50": besides a toll, never its figure
    doc_more_markers: str = Field("", alias="_doc_more_markers")
    earlier_markers: Words = []  # "who had fled earlier waves": people of a period before the event
    doc_background_place_preps: str = Field("", alias="_doc_background_place_preps")
    background_place_preps: Words = []  # "the attack on X last year, killing 80": an earlier incident's toll
    doc_added_markers: str = Field("", alias="_doc_added_markers")
    seen_verbs: Words = []  # "a correspondent saw dozens of bodies": what one witness saw
    doc_seen_verbs: str = Field("", alias="_doc_seen_verbs")
    time_nouns: Words = []  # "the week saw 30 killed": a time, no witness
    doc_harmed_of_nouns: str = Field("", alias="_doc_harmed_of_nouns")
    harmed_of_nouns: Words = []  # "victims of the militia": who harmed them
    doc_time_nouns: str = Field("", alias="_doc_time_nouns")
    doc_wide: str = Field("", alias="_doc_wide")
    wide_marker: str = "nationwide"  # a toll of the whole war or country, beside the incident's
    wide_phrases: Words = []
    wide_since_words: Words = []
    doc_campaign_spans: str = Field("", alias="_doc_campaign_spans")
    campaign_spans: Words = []  # "after seven weeks of bombardment, in which 1,700 were killed"
    campaign_counts: Words = []  # "several weeks of fighting"


class CountLinkWords(_Strict):
    """How a number reaches its trigger beyond tree distance (issue #8, claims/count_link.py)."""

    doc: str = Field("", alias="_doc")
    light_verbs: Words  # "put the toll at N", "figures ranging from N to M"
    doc_blame_particles: str = Field("", alias="_doc_blame_particles")
    blame_particles: Words = []  # "put the deaths down to feuding": a cause given, no figure
    doc_current_words: str = Field("", alias="_doc_current_words")
    current_words: Words = []  # "the current figure of 5.7 million": a count of today
    partitive_preps: Words  # "including 12 children"
    partitive_pronouns: Words  # "12 of whom", "among them 12"
    dead_nouns: Words  # "89 of the victims": some of the dead told before
    max_clause_path: int = Field(ge=1, le=10)
    max_side_path: int = Field(ge=1, le=10)
    window: int = Field(ge=1, le=20)  # tokens between a number group and its verb in the linear fallback
    doc_custody_verbs: str = Field("", alias="_doc_custody_verbs")
    custody_verbs: Words = []  # "259 suspects were arrested for ... murder": not the dead
    doc_fatal_adverbs: str = Field("", alias="_doc_fatal_adverbs")
    fatal_adverbs: Words = []  # "fatally wounded": dead
    fatal_verbs: Words = []  # the wounding verbs "fatally" makes deaths of
    doc_missing_words: str = Field("", alias="_doc_missing_words")
    missing_words: Words = []  # "12 are missing", "200 dead or missing": no toll
    doc_care_words: str = Field("", alias="_doc_care_words")
    care_words: Words = []  # "more than 200 are in hospital": the hurt, no toll
    doc_return_verbs: str = Field("", alias="_doc_return_verbs")
    return_verbs: Words = []  # "20,000 refugees were repatriated": returns, not displacement
    back_particles: Words = []  # "went back home"
    doc_contrast_marks: str = Field("", alias="_doc_contrast_marks")
    contrast_marks: Words = []  # "..., while others say 15,000": a rival figure of the toll told before
    doc_estimate_words: str = Field("", alias="_doc_estimate_words")
    estimate_words: Words = []  # "the government figure of 187": a sentence's counts are rival figures
    doc_act_nouns: str = Field("", alias="_doc_act_nouns")
    act_nouns: Words = []  # "two massacres": a number of acts, not of the dead


class SpeakerWords(_Strict):
    reporting_verbs: Words
    hedges: Words
    doc_claim_nouns: str = Field("", alias="_doc_claim_nouns")
    claim_nouns: Words
    doc_figure_nouns: str = Field("", alias="_doc_figure_nouns")
    figure_nouns: Words = []  # "the government's toll", "gave a figure of 2,000": whose figure
    figure_verbs: Words = []


class PartyWords(_Strict):
    doc: str = Field("", alias="_doc")
    force_words: Words
    initial_skip: Words
    doc_state_bodies: str = Field("", alias="_doc_state_bodies")
    state_bodies: Words = []
    doc_person_titles: str = Field("", alias="_doc_person_titles")
    person_titles: Words = []


class WhereWords(_Strict):
    doc: str = Field("", alias="_doc")
    place_preps: Words
    doc_destination: str = Field("", alias="_doc_destination")
    destination_preps: Words
    border_words: Words
    crossing_verbs: Words
    doc_site_nouns: str = Field("", alias="_doc_site_nouns")
    site_preps: Words = []
    site_nouns: Words = []
    doc_building_nouns: str = Field("", alias="_doc_building_nouns")
    building_nouns: Words = []
    doc_vehicle_nouns: str = Field("", alias="_doc_vehicle_nouns")
    vehicle_nouns: Words = []  # "the Israeli plane strike": a craft is its doer's, not a site hit


class StatementTimeWords(_Strict):
    """Verbs whose date is when something was said, counted or marked, not when it happened."""

    doc: str = Field("", alias="_doc")
    verbs: Words  # besides the speaker's reporting verbs
    nouns: Words = []  # statements named by a noun: "in an interview on Tuesday"
    doc_verb_phrases: str = Field("", alias="_doc_verb_phrases")
    verb_phrases: dict[str, Words] = {}  # "made public today", "made known on Friday"
    doc_finding_verbs: str = Field("", alias="_doc_finding_verbs")
    finding_verbs: Words = []  # "recovered the remains in 1992": when the dead were found
    doc_finding_nouns: str = Field("", alias="_doc_finding_nouns")
    finding_nouns: Words = []  # "the 1992 exhumation"


class EventYearsBackWords(_Strict):
    """Phrases that count years back from the day a text was written to the event it marks."""

    doc: str = Field("", alias="_doc")
    ordinals: dict[str, int]
    anniversary_nouns: Words
    years_back_words: Words


class SubEventWords(_Strict):
    """Cause words by part of an event (claims/sub_event.py) and whole-event adverbs."""

    doc: str = Field("", alias="_doc")
    doc_shot_acts: str = Field("", alias="_doc_shot_acts")
    shot_acts: Words = []  # "fired the first shots": who fired
    parts: dict[str, Words]
    whole_markers: Words
    doc_several: str = Field("", alias="_doc_several")
    several_markers: Words
    series_nouns: Words
    one_act: list[list[Word]]
    doc_scale: str = Field("", alias="_doc_scale")
    war_acts: Words
    doc_whole_event: str = Field("", alias="_doc_whole_event")
    whole_event: Words
    doc_onset: str = Field("", alias="_doc_onset")
    onset: Words
    incident_acts: Words
    agents: Words
    act_only: Words
    doc_series: str = Field("", alias="_doc_series")
    series_aux: Words = []  # "has fired"
    series_quantities: Words = []  # "hundreds of rockets"
    doc_expulsion: str = Field("", alias="_doc_expulsion")
    expulsion_acts: Words = []
    doc_killing: str = Field("", alias="_doc_killing")
    killing_acts: Words
    doc_shooting_acts: str = Field("", alias="_doc_shooting_acts")
    shooting_acts: Words = []
    victim_nouns: Words
    doc_ordinal_parts: str = Field("", alias="_doc_ordinal_parts")
    ordinal_parts: Words = []  # "the second barrage lasted ...": a part's length
    doc_incident_refs: str = Field("", alias="_doc_incident_refs")
    incident_refs: Words = []  # "responsible for this crime"

    @model_validator(mode="after")
    def _known_parts(self) -> SubEventWords:
        named = {w for group in self.one_act for w in group} | set(self.act_only)
        unknown = sorted(named - set(self.parts))
        if unknown:
            raise ValueError(f'"one_act" and "act_only" name parts "parts" does not have: {", ".join(unknown)}')
        return self


class StatedZeroWords(_Strict):
    """Verbs whose stated-none subject denies any casualty."""

    doc: str = Field("", alias="_doc")
    harm_verbs: Words
    doc_not_zero_nouns: str = Field("", alias="_doc_not_zero_nouns")
    not_zero_nouns: Words = []  # "no bodies were found": a trace missing, not a zero
    doc_survival: str = Field("", alias="_doc_survival")
    survival_verbs: Words = []
    survival_nouns: Words = []


class UnrealisedWords(_Strict):
    """Modifiers and governing verbs that say a trigger's act did not happen."""

    doc: str = Field("", alias="_doc")
    modifiers: Words
    heads: Words
    doc_modals: str = Field("", alias="_doc_modals")
    modals: Words
    doc_counterfactual_modals: str = Field("", alias="_doc_counterfactual_modals")
    counterfactual_modals: Words = []  # "no one would have been hurt": what did not happen


class TieWords(_Strict):
    """Cue phrases of a name an account ties to another party (claims/ties.py)."""

    doc: str = Field("", alias="_doc")
    hedges: Words  # "widely regarded as", "believed to be"
    cover_nouns: Words  # "a cover name used by", "the armed wing of"
    links: Words  # "used by", "of", "for"
    known_as: Words  # "also known as"
    doc_leader_nouns: str = Field("", alias="_doc_leader_nouns")
    leader_nouns: Words = []  # "X, the leader of Y", "Y's leader, X"


class EventPriorScale(_Strict):
    """How name frequency maps to a weight (claims/specificity.py)."""

    doc: str = Field("", alias="_doc")
    common_zipf: float = Field(gt=0, le=8)
    rare_zipf: float = Field(ge=0, le=8)
    floor: float = Field(gt=0, le=1)
    doc_incident_link: str = Field("", alias="_doc_incident_link")
    incident_link: float = Field(gt=0, le=1)
    doc_incident_years_apart: str = Field("", alias="_doc_incident_years_apart")
    incident_years_apart: int = Field(gt=0)

    @model_validator(mode="after")
    def _ordered(self) -> EventPriorScale:
        if self.rare_zipf >= self.common_zipf:
            raise ValueError("rare_zipf must be below common_zipf")
        return self


class DateRoleWords(_Strict):
    """Words that make a date the start of its event (analysis.compare.compare_dates), or a
    sentence's time later than the date before it (claims.context)."""

    doc: str = Field("", alias="_doc")
    start_words: Words
    doc_span: str = Field("", alias="_doc_span")
    span_from: Words = []  # "from the night of 16 May until ...": one span of days (claims.extract_dates)
    span_until: Words = []
    span_fillers: Words = []
    later_phrases: Words = []  # "days later", "afterwards": a time after an earlier sentence's, not it
    doc_same_day_phrases: str = Field("", alias="_doc_same_day_phrases")
    same_day_phrases: Words = []  # "killed that afternoon": the day an earlier sentence named
    doc_another_words: str = Field("", alias="_doc_another_words")
    another_words: Words = []  # "broke up another march": another such thing than the other's
    doc_record_nouns: str = Field("", alias="_doc_record_nouns")
    record_nouns: Words = []  # "images taken on 2 January": the day a record was made


class InfoboxLabels(_Strict):
    """Labels of key-value lines (claims/infobox.py)."""

    doc: str = Field("", alias="_doc")
    party: Words
    casualties: Words
    strength: Words
    date: Words
    name: Words


class RunningCountWords(_Strict):
    doc: str = Field("", alias="_doc")
    preliminary: Words
    rose: Words
    cumulative: Words = []  # "have fled since 25 August", "so far": a running total
    presumed: Words = []  # "80 presumed dead": an estimate a later count settles
    doc_revised: str = Field("", alias="_doc_revised")
    revised: Words = []  # "now put at 68, not 86 as stated earlier": a counter's own correction
    doc_stated_before: str = Field("", alias="_doc_stated_before")
    stated_before: Words = []  # "not 86 as stated earlier": the figure they follow was an early one
    doc_found: str = Field("", alias="_doc_found")
    found: Words = []  # "some 300 bodies, found after ...": the bodies found by then; the search goes on
    doc_final: str = Field("", alias="_doc_final")
    final: Words = []  # "the final toll was 67": what earlier, lower counts of it rose to
    doc_up_to: str = Field("", alias="_doc_up_to")
    up_to: Words = []  # "575 had died by the end of February 1977": all deaths to that date
    up_to_parts: Words = []  # "by the end of": the part of the period the count runs to
    doc_since: str = Field("", alias="_doc_since")
    since: Words = []  # "since 16 June more than a thousand": all deaths from that day
    doc_first_days: str = Field("", alias="_doc_first_days")
    first_days_ordinals: Words = []  # "the official count for the first week": the opening stretch
    first_days_preps: Words = []  # "in the first days", "for the first week": the stretch covered
    first_days_units: dict[str, int] = {}  # stretch -> rank (a week is longer than a day)


class ActorNouns(_Strict):
    """Head nouns of actors no table names, by the side they usually fight on (issue #8)."""

    state: Words
    irregular: Words
    unsided: Words


class InitiatorWords(_Strict):
    doc_short_names: str = Field("", alias="_doc_short_names")
    doc_people_of_a_nation: str = Field("", alias="_doc_people_of_a_nation")
    people_of_a_nation: Words = []  # "Uzbek youths": a people, not the state Uzbekistan
    short_names: Words = []  # "the North" after "North Korea": that state
    start_verbs: Words
    attack_verbs: Words
    war_nouns: Words
    attack_nouns: Words
    blame_verbs: Words
    doc_accusing_verbs: str = Field("", alias="_doc_accusing_verbs")
    accusing_verbs: Words = []  # "were accused of the massacre by the government": the accuser's "by"
    blame_nouns: Words
    doc_dismissal_without: str = Field("", alias="_doc_dismissal_without")
    dismissal_without: Words = []  # "the rumours are without foundation"
    doc_ergative_verbs: str = Field("", alias="_doc_ergative_verbs")
    ergative_verbs: Words = []  # "the ship sank": no attack
    doc_accident_causes: str = Field("", alias="_doc_accident_causes")
    accident_causes: Words = []  # "a technical failure": no one's act
    accident_modifiers: Words = []
    accident_nouns: Words = []  # "the explosion was an accident"
    accident_adjectives: Words = []  # "an accidental explosion"
    cause_verbs: Words = []  # "engine failure caused the crash"
    cause_preps: Words = []  # "because of", "due to", "the result of"
    craft_nouns: Words = []  # what the accident befell
    doc_culprit_nouns: str = Field("", alias="_doc_culprit_nouns")
    culprit_nouns: Words = []  # "the killers were X"
    doc_planner_nouns: str = Field("", alias="_doc_planner_nouns")
    planner_nouns: Words = []  # "X, the mastermind of the attacks"
    doc_diplomatic_objects: str = Field("", alias="_doc_diplomatic_objects")
    diplomatic_objects: Words = []  # "expelled the diplomats": not violence
    doc_seized_goods: str = Field("", alias="_doc_seized_goods")
    seize_verbs: Words = []  # "seized", "captured": with goods as object, no attack
    seized_goods: Words = []  # "seized large quantities of chemicals"
    doc_hedge_modifiers: str = Field("", alias="_doc_hedge_modifiers")
    hedge_modifiers: Words = []  # "Suspected Ostra Front militants": no part of the name
    doc_owned_people_nouns: str = Field("", alias="_doc_owned_people_nouns")
    owned_people_nouns: Words = []  # "the militia denied that its men fired": the militia's men
    doc_harmless_rounds: str = Field("", alias="_doc_harmless_rounds")
    harmless_rounds: Words = []  # "fired illumination flares over the camps": no attack
    doc_figurative_objects: str = Field("", alias="_doc_figurative_objects")
    figurative_objects: Words = []  # "struck a different note": not violence
    doc_blame_placing_verbs: str = Field("", alias="_doc_blame_placing_verbs")
    blame_placing_verbs: Words = []  # "placed the blame on X"
    doc_command_verbs: str = Field("", alias="_doc_command_verbs")
    command_verbs: Words = []  # "ordered his troops to open fire"
    doc_order_nouns: str = Field("", alias="_doc_order_nouns")
    order_nouns: Words = []  # "gave the order to fire"
    give_verbs: Words = []  # "gave the word to fire", "the order to fire was issued by X"
    doc_intent_words: str = Field("", alias="_doc_intent_words")
    intent_words: Words = []  # "whose task is to clear the police": an aim, not a finding
    doc_order_claim_words: str = Field("", alias="_doc_order_claim_words")
    order_claim_words: Words = []  # a claim of who gave the order, not who did it
    doc_onset_verbs: str = Field("", alias="_doc_onset_verbs")
    onset_verbs: Words = []  # "the trouble began when X beat them"
    doc_disperse_verbs: str = Field("", alias="_doc_disperse_verbs")
    disperse_verbs: Words = []  # "troops dispersed the rally"
    gathering_nouns: Words = []
    doc_instrument_nouns: str = Field("", alias="_doc_instrument_nouns")
    instrument_nouns: Words = []  # "cleared the square with tear gas"
    equip_verbs: Words = []  # "armed with rifles": not an attack
    doc_admission_verbs: str = Field("", alias="_doc_admission_verbs")
    admission_verbs: Words = []  # "admitted carrying out the bombing"
    doc_civil_modifiers: str = Field("", alias="_doc_civil_modifiers")
    civil_modifiers: Words = []  # "a rescue operation": no violence
    doc_other_act_modifiers: str = Field("", alias="_doc_other_act_modifiers")
    other_act_modifiers: Words = []  # "other operations mounted by X": not the act told
    doc_incident_nouns: str = Field("", alias="_doc_incident_nouns")
    incident_nouns: Words = []  # "no involvement in that incident"
    doc_death_nouns: str = Field("", alias="_doc_death_nouns")
    death_nouns: Words = []  # "the deaths were the work of policemen"
    doc_attribute_verbs: str = Field("", alias="_doc_attribute_verbs")
    attribute_verbs: Words = []  # "attributed the attack to X"
    doc_order_verbs: str = Field("", alias="_doc_order_verbs")
    order_verbs: Words = []  # "ordered the residents to evacuate": who made people leave
    leave_verbs: Words = []
    drive_verbs: Words = []  # "driven out by X"
    drive_particles: Words = []
    doc_happen_verbs: str = Field("", alias="_doc_happen_verbs")
    happen_verbs: Words = []  # "the raid never happened"
    staged_words: Words = []  # "the massacre was staged", "a staged provocation"
    doc_staged_subjects: str = Field("", alias="_doc_staged_subjects")
    staged_subjects: Words = []  # "the incident was staged", "the footage was faked"
    label_verbs: Words = []  # "called the killings a staged provocation"
    doc_throw_verbs: str = Field("", alias="_doc_throw_verbs")
    throw_verbs: Words = []  # "threw grenades at the post", "dropped bombs on the town"
    doc_fired_things: str = Field("", alias="_doc_fired_things")
    fired_things: Words = []  # "fired a missile", "threw grenades": what is fired, no target
    doc_shot_nouns: str = Field("", alias="_doc_shot_nouns")
    shot_nouns: Words = []  # "no shot was fired at the soldiers"
    doc_armed_people: str = Field("", alias="_doc_armed_people")
    armed_people: Words = []  # "men armed with rifles"
    doc_ram_verbs: str = Field("", alias="_doc_ram_verbs")
    ram_verbs: Words = []  # "drove a truck into the barracks"
    doc_crowd_nouns: str = Field("", alias="_doc_crowd_nouns")
    crowd_nouns: Words = []  # "drove into the crowd"
    vehicle_nouns: Words = []
    doc_pro_state_groups: str = Field("", alias="_doc_pro_state_groups")
    pro_state_groups: Words = []  # "pro-government militiamen"
    doc_leader_titles: str = Field("", alias="_doc_leader_titles")
    leader_titles: Words = []  # "the army of President X": a state's force
    quantity_nouns: Words = []  # "hundreds of rockets"
    doc_member_nouns: str = Field("", alias="_doc_member_nouns")
    member_nouns: Words = []  # "members of a militia": the group acts
    doc_armed_modifiers: str = Field("", alias="_doc_armed_modifiers")
    armed_modifiers: Words = []  # "armed villagers": an armed group, whoever they are
    doc_former_modifiers: str = Field("", alias="_doc_former_modifiers")
    former_modifiers: Words = []  # "former soldiers": no longer the state's forces
    doc_place_heads: str = Field("", alias="_doc_place_heads")
    place_heads: Words = []  # "rockets from the Qana area": where the fire came from, no doer
    doc_affiliation_nouns: str = Field("", alias="_doc_affiliation_nouns")
    affiliation_nouns: Words = []  # "mercenaries of the Wagner company": the group acts
    doc_partitive_words: str = Field("", alias="_doc_partitive_words")
    partitive_words: Words = []  # "some of the protesters attacked": the protesters
    none_words: Words = []  # "none of the soldiers fired": a claim that they did not
    doc_evidence_nouns: str = Field("", alias="_doc_evidence_nouns")
    evidence_nouns: Words = []  # "no evidence that X was involved": negated
    doc_unrest_verbs: str = Field("", alias="_doc_unrest_verbs")
    unrest_verbs: Words = []  # "incited the riots": who started the violence
    unrest_nouns: Words = []
    doc_group_heads: str = Field("", alias="_doc_group_heads")
    group_heads: Words = []  # "the organisation ETA": the name acts
    response_words: Words
    # issue #8: the words the patterns in initiator_patterns.json name ("@perform_verbs")
    perform_verbs: Words
    doc_owning_verbs: str = Field("", alias="_doc_owning_verbs")
    owning_verbs: Words = []  # "the militia planned it": an act told just before
    violence_nouns: Words
    denial_verbs: Words
    doc_dismissal_words: str = Field("", alias="_doc_dismissal_words")
    dismissal_words: Words = []  # "it is illogical to claim that ...": the saying called false
    say_words: Words = []  # what dismissal_words dismiss: "to claim", "the suggestion"
    doc_harmed_nouns: str = Field("", alias="_doc_harmed_nouns")
    harmed_nouns: Words = []  # "civilians", "victims": those harmed, never a doer by that word alone
    doc_relative_nouns: str = Field("", alias="_doc_relative_nouns")
    relative_nouns: Words = []  # "the enemy": a party only from the speaker's side
    doc_origin_nouns: str = Field("", alias="_doc_origin_nouns")
    origin_nouns: Words = []  # "fired from Finnish territory": whose territory says who fired
    doc_firing_sites: str = Field("", alias="_doc_firing_sites")
    firing_sites: Words = []  # "fire from a house": an unseen gunman there
    doc_voice_nouns: str = Field("", alias="_doc_voice_nouns")
    voice_nouns: Words = []  # "a spokesman for the strikers said: we ...": "we" are the strikers
    involvement_nouns: Words
    doc_two_sided_acts: str = Field("", alias="_doc_two_sided_acts")
    two_sided_acts: Words = []
    doc_settlement_nouns: str = Field("", alias="_doc_settlement_nouns")
    settlement_nouns: Words = []  # "struck the town": the place the account is about
    movement_verbs: Words
    doc_impact_verbs: str = Field("", alias="_doc_impact_verbs")
    impact_verbs: Words = []  # "government shells slammed into the camp"
    doc_share_nouns: str = Field("", alias="_doc_share_nouns")
    share_nouns: Words = []  # "bore a share of responsibility"
    doc_maker_words: str = Field("", alias="_doc_maker_words")
    maker_words: Words = []  # "a Russian-made missile": the maker, not who fired it
    doc_series_nouns: str = Field("", alias="_doc_series_nouns")
    series_nouns: Words = []  # "carried out a series of attacks": the acts are the subject's
    responsibility_verbs: Words
    responsible_adjectives: Words
    doc_unknown: str = Field("", alias="_doc_unknown")
    unknown_verbs: Words = []  # "could not establish which side fired"
    unknown_adjectives: Words = []  # "it is unclear who fired"
    unknown_subjects: Words = []  # "responsibility has never been established"
    unknown_of_act_subjects: Words = []  # "the origin of the shots was never determined"
    doc_raising: str = Field("", alias="_doc_raising")
    raising_passive: Words = []  # "X is believed to have fired"
    raising_active: Words = []  # "X appears to have fired"
    raising_of: Words = []  # "X is suspected of carrying out"
    doc_control: str = Field("", alias="_doc_control")
    control_active: Words = []  # "X went on to fire on the crowd"
    control_passive: Words = []  # "X were forced to open fire"
    unknown_unable: Words = []  # "were unable to determine who fired"
    unknown_evidence_nouns: Words = []  # "no evidence to show which side fired"
    unknown_lacking: Words = []  # "insufficient evidence to prove"
    doc_contradiction_verbs: str = Field("", alias="_doc_contradiction_verbs")
    contradiction_verbs: Words = []  # "contradicted that assertion"
    doc_claim_nouns: str = Field("", alias="_doc_claim_nouns")
    claim_nouns: Words = []  # "rejected this account"
    doc_firing_verbs: str = Field("", alias="_doc_firing_verbs")
    firing_verbs: Words = []  # "had been fired on first"
    doc_firing_acts: str = Field("", alias="_doc_firing_acts")
    firing_acts: Words = []  # "opened fire", "came under fire from": who fired
    doc_bombardment_acts: str = Field("", alias="_doc_bombardment_acts")
    bombardment_acts: Words = []  # "army shelling", "government air strikes": who fired
    doc_identify_verbs: str = Field("", alias="_doc_identify_verbs")
    identify_verbs: Words = []  # "identified the attackers as X": who they were
    doc_fault_nouns: str = Field("", alias="_doc_fault_nouns")
    fault_nouns: Words = []  # "cleared of any wrongdoing"
    doc_oversee_verbs: str = Field("", alias="_doc_oversee_verbs")
    oversee_verbs: Words = []  # "the army supervised the massacre"
    doc_oversight_nouns: str = Field("", alias="_doc_oversight_nouns")
    oversight_nouns: Words = []  # "carried out under the supervision of X"
    doc_launch_verbs: str = Field("", alias="_doc_launch_verbs")
    launch_verbs: Words = []  # "launched rockets from the hills", with firing_verbs and throw_verbs
    doc_said_things: str = Field("", alias="_doc_said_things")
    said_things: Words = []  # "attacked the report as biased": criticism, not violence
    doc_finding_bodies: str = Field("", alias="_doc_finding_bodies")
    finding_bodies: Words = []  # "the inquiry cleared the officers"
    cleared_only_by_finding: Words = []  # "clear": "police cleared the square" clears no one of blame
    doc_begun_acts: str = Field("", alias="_doc_begun_acts")
    begun_acts: Words = []  # "began shooting": who began the bloodshed
    doc_accusation_nouns: str = Field("", alias="_doc_accusation_nouns")
    accusation_nouns: Words = []  # "rejected the accusation"
    doc_weapon_nouns: str = Field("", alias="_doc_weapon_nouns")
    weapon_nouns: Words = []  # "used chemical weapons"
    use_verbs: Words = []
    doc_share_words: str = Field("", alias="_doc_share_words")
    share_words: Words = []  # "indirectly responsible"
    doc_holding_verbs: str = Field("", alias="_doc_holding_verbs")
    holding_verbs: Words = []  # "held X responsible"
    doc_territory_verbs: str = Field("", alias="_doc_territory_verbs")
    territory_verbs: Words = []  # "from territory held by X": X's side
    force_nouns: Words
    actor_nouns: ActorNouns
    doc_actor_nouns: str = Field("", alias="_doc_actor_nouns")
    attacker_nouns: Words
    doc_attacker_nouns: str = Field("", alias="_doc_attacker_nouns")
    group_name_words: Words
    doc_group_name_words: str = Field("", alias="_doc_group_name_words")
    own_claim_words: Words
    doc_own_claim_words: str = Field("", alias="_doc_own_claim_words")
    perpetrator_targets: Words
    doc_perpetrator_targets: str = Field("", alias="_doc_perpetrator_targets")


class LemmaFixes(_Strict):
    """rules.json "lemma_fixes": written forms whose lemma the model gets wrong -> the right lemma."""

    doc: str = Field("", alias="_doc")
    forms: dict[Word, Word]


class RulesFile(BaseModel):
    """claims/data/rules.json. A new top-level section passes unchecked until it is added here."""

    model_config = ConfigDict(extra="allow")

    version: Literal[1]
    doc: str = Field("", alias="_doc")
    triggers: dict[str, Triggers]
    trigger_guards: dict[str, Words]
    doc_trigger_vetoes: str = Field("", alias="_doc_trigger_vetoes")
    trigger_vetoes: dict[str, Words] = {}
    figure_nouns: Words
    doc_rival_bound_nouns: str = Field("", alias="_doc_rival_bound_nouns")
    rival_bound_nouns: Words = []
    qualifiers: Qualifiers
    approximate_tolerance: float = Field(ge=0, lt=1)
    approximate_tolerance_precise: float = Field(ge=0, lt=1)
    near_tolerance: float = Field(ge=0, lt=1)
    duration_tolerance: float = Field(ge=0, lt=1)
    strict_lower_bound: Words
    vague_duration_amounts: dict[str, tuple[int, int]] = {}
    vague_amounts: dict[str, tuple[int, int]]
    rough_orders: Words = []  # "hundreds", "thousands": an order of size, not an upper bound
    rough_order_reach: float = Field(10.0, gt=1)  # how far above its top a rough order still reaches
    rough_order_floor: float = Field(2.0, gt=1)  # how far below its least a vague amount is still loose
    number_words: dict[str, int]
    multipliers: dict[str, int]
    scope: ScopeWords
    count_link: CountLinkWords
    speaker: SpeakerWords
    initiator: InitiatorWords
    generic_actors: Words
    doc_movement_name_words: str = Field("", alias="_doc_movement_name_words")
    movement_name_words: Words = []  # "Kosovo Liberation Army": a movement, not the state
    duration_units: dict[str, float]
    doc_duration_noun_modifiers: str = Field("", alias="_doc_duration_noun_modifiers")
    duration_noun_modifiers: Words = []  # "three days of heavy fighting": the length is the fighting's
    party: PartyWords
    where: WhereWords
    running_count: RunningCountWords
    statement_time: StatementTimeWords
    event_years_back: EventYearsBackWords
    sub_event: SubEventWords
    stated_zero: StatedZeroWords
    unrealised: UnrealisedWords
    ties: TieWords
    date_roles: DateRoleWords
    event_prior: EventPriorScale
    infobox: InfoboxLabels
    close_figures_share: float = Field(ge=0, lt=1)
    lemma_fixes: LemmaFixes

    @model_validator(mode="after")
    def _ranges(self) -> RulesFile:
        for phrase, (low, high) in self.vague_amounts.items():
            if not 0 < low <= high:
                raise ValueError(f'"vague_amounts.{phrase}" must be [low, high] with 0 < low <= high')
        return self


# -- actors*.json -----------------------------------------------------------------


class ActorEntry(_Strict):
    name: Word
    kind: Literal["state", "organisation"] = "state"
    aliases: Words = []


class ActorFile(_Strict):
    """claims/data/actors*.json: international bodies and former states (claims/data/README.md)."""

    version: Literal[1]
    doc: str = Field("", alias="_doc")
    actors: list[ActorEntry]


# -- people_nouns.json, structure_nouns.json, instrument_nouns.json ----------------------


class NounClassFile(_Strict):
    """claims/data/people_nouns.json (nouns that name a person or a group of people),
    structure_nouns.json (a building or a part of one) and instrument_nouns.json (a weapon or an
    implement): classes of WordNet's nouns, built by tools/build_noun_classes.py."""

    version: Literal[1]
    doc: str = Field("", alias="_doc")
    nouns: Words


# -- countries.json ---------------------------------------------------------------


class CountryOverlay(_Strict):
    """What ISO 3166 (pycountry) lacks about one state; claims/countries.py merges the two."""

    name: Word | None = None  # the name the news uses, when it is not ISO's ("Ivory Coast")
    codes: list[Literal["alpha_2", "alpha_3"]] = []  # ISO codes written as names ("US", "USA")
    drop: Words = []  # ISO names left out as ambiguous ("Congo")
    names: Words = []  # short, older and other names ("Burma", "DRC", "the Netherlands")
    demonyms: Words = []  # "Armenian", "Armenians"
    capitals: Words = []  # capitals and seats of government used as metonyms ("Baku", "Kremlin")
    forces: Words = []  # the state's armed forces by the names the news writes alone ("IDF", "PLA")


class CountryFile(_Strict):
    """claims/data/countries.json: which states the table lists (by ISO alpha-3 code) and the overlay."""

    version: Literal[1]
    doc: str = Field("", alias="_doc")
    countries: dict[str, CountryOverlay]


# -- reading ----------------------------------------------------------------------


def read(name: str, model: type[M], folder: Traversable | None = None) -> tuple[Any, M]:
    """The parsed JSON of claims/data/`name` and the same checked as a `model`."""
    path = (folder or DATA) / name
    data = read_json(path, BadDataFile, str(path), unique_keys=True)
    return data, check(model, data, BadDataFile, str(path))


def data_names(folder: Traversable | None = None) -> list[str]:
    """The data files that shape extraction and comparison, in a stable order."""
    return sorted(entry.name for entry in (folder or DATA).iterdir() if entry.name.endswith(".json"))


@lru_cache(maxsize=8)
def fingerprint(folder: Traversable | None = None) -> str:
    """A short hash of every data file and of pycountry's version (the states are built from
    its ISO 3166 table): it changes whenever a rule or an actor does."""
    digest = hashlib.sha256()
    for name in data_names(folder):
        digest.update(name.encode("utf-8") + b"\0" + ((folder or DATA) / name).read_bytes() + b"\0")
    digest.update(f"pycountry {_version('pycountry')}".encode())
    return digest.hexdigest()[:8]


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "none"


# -- fact_names.json ----------------------------------------------------------------


class FactNamesFile(_Strict):
    """Words that name a fact as a person would (issue #8, analysis/topics.py)."""

    version: int
    doc: str = Field("", alias="_doc")
    titles: Words  # "President X", "warlord X": X is a person, no event
    doc_place_heads: str = Field("", alias="_doc_place_heads")
    place_heads: Words  # "Gaza Strip", "Babur Square": a name of two words that is a place
    direction_words: Words  # "South Ossetia"
    doc_demonym_endings: str = Field("", alias="_doc_demonym_endings")
    demonym_endings: Words = []  # "South Ossetian capital": a people's adjective, no place
    doc_body_heads: str = Field("", alias="_doc_body_heads")
    body_heads: Words  # "Minsk Group", "Relief Foundation": a body, no event
    doc_irregular_past: str = Field("", alias="_doc_irregular_past")
    irregular_past: Words
    doc_reporting_past: str = Field("", alias="_doc_reporting_past")
    reporting_past: Words = []  # "said", "told": irregular pasts of reporting verbs
    not_past: Words  # "hundred", "sacred": -ed words that are no verb
    pronouns: Words
    doc_openers: str = Field("", alias="_doc_openers")
    openers: Words
    doc_dangling: str = Field("", alias="_doc_dangling")
    dangling: Words
    doc_event_nouns: str = Field("", alias="_doc_event_nouns")
    event_nouns: Words
    doc_act_questions: str = Field("", alias="_doc_act_questions")
    act_questions: dict[str, str] = {}  # "fire" -> "who opened fire"
    doc_act_forms: str = Field("", alias="_doc_act_forms")
    act_forms: dict[str, Words] = {}  # "killing" -> "killed", "massacred": a quote's words for its act
    doc_news_nouns: str = Field("", alias="_doc_news_nouns")
    news_nouns: Words = []  # "news of the explosion spread": the explosion is dated
    doc_statement_nouns: str = Field("", alias="_doc_statement_nouns")
    statement_nouns: Words
    doc_population_fillers: str = Field("", alias="_doc_population_fillers")
    population_fillers: Words = []  # "others wounded", "further civilians": no word of who they are
    doc_party_adjective_endings: str = Field("", alias="_doc_party_adjective_endings")
    party_adjective_endings: Words = []  # "Chechen militants": with demonym_endings, a party's adjective
