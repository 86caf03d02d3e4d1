"""Who speaks after an inverted cue ('CONTENT, said ROLE NAME') and where reported content starts
after a cue's medium ('said in a statement CONTENT'): invented names and sentences."""

from __future__ import annotations

import pytest

from site_gen.quotes import extract_quotes


def _quotes(text: str) -> list[tuple[str, str | None, str]]:
    return [(q.kind, q.speaker_key, q.text) for q in extract_quotes([text]).quotes]


@pytest.mark.parametrize(
    "text",
    [
        "The new bridge could matter more for the harbour than for the old town, said "
        "Progressive strategist Tom Reyl.",
        "The new bridge could matter more for the harbour than for the old town, said "
        "Kestrian party pollster Tom Reyl, who advised the council.",
        "The firm lobbied for the harbour board on tolls, taxes and other issues, said lobbyist "
        "and consultant Tom Reyl, a former partner of the firm.",
    ],
)
def test_a_role_with_capitals_or_two_nouns_before_the_name_names_the_speaker(text):
    found = _quotes(text)
    assert [(k, s) for k, s, _ in found] == [("indirect", "Tom Reyl")]
    assert found[0][2].startswith("The ")


def test_the_same_names_the_speaker_of_a_quotation():
    found = _quotes("\u201cThe bridge is a mistake,\u201d said Progressive strategist Tom Reyl.")
    assert [(k, s) for k, s, _ in found] == [("direct", "Tom Reyl")]


@pytest.mark.parametrize(
    "text",
    [
        # no name after the cue: the capitalised words are a group of people
        "The bridge is a mistake, said Progressive voters in Port Velmar.",
        # a name that owns what follows is no speaker after the cue
        "Officials in both parties, though, said Mr. Reyl\u2019s decision caused these problems.",
    ],
)
def test_no_name_after_the_cue_names_no_one(text):
    assert all(s != "Tom Reyl" for _, s, _ in _quotes(text))


def test_a_description_set_apart_by_a_comma_is_not_the_subject():
    found = _quotes("The survey, which collects the views of economists in the 12 districts, "
                    "said most regions continued to expand at a modest pace.")
    assert [(k, t) for k, _, t in found] == [
        ("indirect", "most regions continued to expand at a modest pace.")]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Jane Doe said in a statement they pulled the listing from the site.",
         "they pulled the listing from the site."),
        ("Jane Doe said in a statement Thursday night they pulled the listing from the site.",
         "they pulled the listing from the site."),
        ("Jane Doe said in a phone interview on Monday the plan was dead.",
         "the plan was dead."),
        ("Jane Doe said in an interview Kestria would never agree to the deal.",
         "Kestria would never agree to the deal."),
        ("Jane Doe said in a statement on Monday that the plan was dead.",
         "the plan was dead."),
    ],
)
def test_content_after_where_it_was_said(text, content):
    assert _quotes(text) == [("indirect", "Jane Doe", content)]


@pytest.mark.parametrize(
    "text",
    [
        "Jane Doe said in a statement released by the group.",
        "Jane Doe said in a statement to reporters.",
        "Jane Doe said in a telephone interview Wednesday, pointing to the harbour.",
        "Jane Doe said in a speech last month.",
    ],
)
def test_no_clause_after_where_it_was_said_is_no_content(text):
    assert _quotes(text) == []


def _speakers(text: str) -> list[str | None]:
    return [q.speaker_key for q in extract_quotes([text]).quotes]


@pytest.mark.parametrize(
    "text",
    [
        "A friend of Mr. Reyl said the plan was dead.",
        "A spokesman for Sen. Tom Reyl said the plan was dead.",
        "Voters backing Tom Reyl said the plan was dead.",
    ],
)
def test_a_name_after_a_preposition_or_a_participle_is_not_who_speaks(text):
    assert _speakers(text) == [None]


@pytest.mark.parametrize(
    "text",
    [
        "Secretary of State Jane Doe said the plan was dead.",
        "\u201cI want to hear you roar,\u201d a smiling Jane Doe said before the show.",
        "The plan was backed on Friday by Sen. Jane Doe of Kestria, the ranking member of the "
        "committee, who said none of the emails came from her.",
        "One pastor backing Mr. Reyl, Jane Doe of Grace Church in Saint Agnes, said she had made "
        "150 calls.",
        "Jane Doe, who is chairman of the Harbour Fund said the plan was dead.",
        "\u201cIn every election there are stories that members will defect,\u201d Jane Doe, a "
        "former political director of the Velmar Dockworkers Union and a progressive "
        "organizer, wrote in an email.",
    ],
)
def test_the_named_person_speaks(text):
    assert set(_speakers(text)) == {"Jane Doe"}


def test_who_with_a_subject_of_its_own_is_not_the_speaker():
    # "who she noted ...": "she" speaks, not the person "who" stands for
    found = _speakers('She attacked the deal made by Tom Reyl, who she noted was "in his '
                      'final year."')
    assert "Tom Reyl" not in found


def test_a_quotation_that_runs_past_the_sentence_ends_the_statement():
    found = _quotes('Tom Reyl said that he would "close the harbour by May. I do not know if '
                    'the council will agree."')
    assert found == [
        ("indirect", "Tom Reyl",
         'he would "close the harbour by May. I do not know if the council will agree."'),
        ("direct", "Tom Reyl",
         "close the harbour by May. I do not know if the council will agree."),
    ]


def test_a_quotation_after_the_sentence_is_not_part_of_the_statement():
    found = _quotes('Tom Reyl said the plan was dead. "We tried. It failed."')
    assert found[0] == ("indirect", "Tom Reyl", "the plan was dead.")


def test_a_parenthetical_cue_after_a_comma_that_an_earlier_phrase_ran_through():
    found = _quotes("Meanwhile, Kestria is playing a larger role, they say, imposing new "
                    "import restrictions on the harbour.")
    assert [(k, t) for k, _, t in found] == [
        ("indirect", "Meanwhile, Kestria is playing a larger role"),
        ("indirect", "imposing new import restrictions on the harbour."),
    ]


def test_too_many_opens_a_clause():
    assert _quotes("Jane Doe says too many women are torn by guilt when they go back.") == [
        ("indirect", "Jane Doe", "too many women are torn by guilt when they go back.")]
    assert _quotes("Jane Doe said too many times.") == []


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Tom Reyl told host Jane Doe a loss is increasingly likely.",
         "a loss is increasingly likely."),
        ("Tom Reyl told the Velmar Herald last week he would rather vote for Doe.",
         "he would rather vote for Doe."),
        # a plural object before a name: the name opens what was said
        ("Tom Reyl told reporters Jane Doe would run again.", "Jane Doe would run again."),
    ],
)
def test_who_was_told_and_when_come_before_what_was_said(text, content):
    assert _quotes(text) == [("indirect", "Tom Reyl", content)]


def test_a_condition_between_the_cue_and_the_clause():
    assert _quotes("Jane Doe said, if elected, she would ask Mr. Reyl to lead the project.") == [
        ("indirect", "Jane Doe", "if elected, she would ask Mr. Reyl to lead the project.")]
    # no clause after the condition: nothing was reported
    assert _quotes("Jane Doe said, when asked about the harbour, nothing at all.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Jane Doe said, however, that the harbour would stay closed.",
        "Jane Doe told the Velmar Herald, however, that the harbour would stay closed.",
        "Jane Doe said, in an email, that the harbour would stay closed.",
        "Jane Doe said, on Monday, that the harbour would stay closed.",
    ],
)
def test_an_aside_between_commas_before_that(text):
    assert _quotes(text) == [("indirect", "Jane Doe", "the harbour would stay closed.")]


def test_a_relative_clause_after_the_apposition_leaves_the_name_the_speaker():
    assert _speakers("Jane Doe, an official at the Harbour Housing Authority in Kestria, which "
                     "has a backlog of 500 homes, said the rule would slow hiring.") == ["Jane Doe"]
    assert _speakers("The Harbour Authority, which has a backlog of 500 homes, said the rule "
                     "would slow hiring.") == ["Harbour Authority"]


def test_a_group_description_set_apart_by_a_comma_is_not_the_subject():
    found = _quotes("The campaign is taking the same tack: attending meetings and spreading its "
                    "message to local groups, said Tom Reyl, a director at the institute.")
    assert [(k, s) for k, s, _ in found] == [("indirect", "Tom Reyl")]
    assert found[0][2].startswith("The campaign is taking the same tack")


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Jane Doe asked male voters to think about their own biases.",
         "male voters to think about their own biases."),
        ("Jane Doe asked for the steps the harbour board is taking.",
         "for the steps the harbour board is taking."),
        ("Jane Doe asked the high court for quick action on the harbour case.",
         "the high court for quick action on the harbour case."),
    ],
)
def test_a_request_is_reported(text, content):
    assert _quotes(text) == [("indirect", "Jane Doe", content)]


@pytest.mark.parametrize(
    "text",
    [
        "Jane Doe was asked to leave the harbour.",  # asked, not asking
        "Jane Doe asked questions to the panel.",  # "to" before no verb
        "Jane Doe asked him for years about the harbour.",  # a duration, not a request
    ],
)
def test_no_request_is_no_report(text):
    assert _quotes(text) == []


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Jane Doe expressed concern about the rising cost of the harbour works.",
         "concern about the rising cost of the harbour works."),
        ("Jane Doe has expressed optimism that the two towns can remain allies.",
         "the two towns can remain allies."),
    ],
)
def test_what_someone_expressed_is_reported(text, content):
    assert _quotes(text) == [("indirect", "Jane Doe", content)]


def test_views_expressed_here_report_nothing():
    assert _quotes("The views expressed here are those of the author alone.") == []


def test_a_cue_with_its_own_statement_after_a_closed_quotation_does_not_take_it():
    found = _quotes('Jane Doe stated, "This is our duty to the harbour." During the meeting, '
                    "Tom Reyl expressed his thanks to the council for its support.")
    assert ("direct", "Jane Doe", "This is our duty to the harbour.") in found
    assert ("indirect", "Tom Reyl", "his thanks to the council for its support.") in found


@pytest.mark.parametrize(
    "text",
    [
        '"This is our duty to the harbour." Tom Reyl said.',
        '"Long live the harbour!" Tom Reyl, the editor of the paper, wrote on Twitter, adding '
        "that the bank had given no reason.",
    ],
)
def test_a_cue_after_a_closed_quotation_still_attributes_it(text):
    assert _quotes(text)[0][:2] == ("direct", "Tom Reyl")


def test_a_claim_may_be_an_infinitive():
    assert _quotes("Jane Doe claimed to have voted twice in the harbour election.") == [
        ("indirect", "Jane Doe", "to have voted twice in the harbour election.")]
    # "to" before who was addressed: the content is the "that" clause
    assert _quotes("Jane Doe claimed to the council that the harbour was closed.") == [
        ("indirect", "Jane Doe", "the harbour was closed.")]


def test_initials_written_together_are_part_of_the_name():
    assert _speakers('"The council has ramped up its response," said J.M. Reyl, a fellow at '
                     "the harbour institute.") == ["J.M. Reyl"]
    # initials of a country before a word in lower case are no name
    assert _speakers("U.S. officials said the harbour plan was dead.") == [None]


def test_a_description_with_an_article_then_the_name():
    assert _speakers('"We are anxious," said another ferry passenger, Jane Doe.') == ["Jane Doe"]
    # a name cut at an initial is no name: the whole apposition is two people
    assert "Jane E" not in _speakers(
        "The port should come first, said the lawmakers, Representatives Jane E. Doe of "
        "Kestria and G. K. Reyl of Velmar.")


def test_an_abbreviated_honorific_inside_the_role_keeps_the_name():
    found = _speakers("Former Gov. Ann Fox of Velmar said the harbour plan was dead. \u201cWhat "
                      "was marginal has become mainstream,\u201d said former Gov. Tom Reyl of "
                      "Kestria, a Democrat who ran for mayor in 2008.")
    assert found == ["Ann Fox", "Tom Reyl"]


@pytest.mark.parametrize(
    "text",
    [
        "Jane Doe, a Reyl supporter from Jackson, Miss., attending the Harbour Coalition "
        "Convention, said she could not support the plan.",
        "In Kestria, the journalist Jane Doe, writing in the Velmar Herald in 2013, described "
        "a culture of \u201csenators ignoring the harbour.\u201d",
        # the relative clause's description names an organisation: the person still speaks
        "Senator Jane Doe, the Kestria member who heads the Harbour Committee, which oversees "
        "the port, said the donations call its independence into question.",
    ],
)
def test_a_participle_or_relative_clause_after_the_apposition(text):
    assert set(_speakers(text)) == {"Jane Doe"}


def test_a_long_apposition_without_an_article_between_a_quotation_and_its_cue():
    found = _speakers('"The court has seen that freedom can be kept," Tom Reyl, attorney for one '
                      "of four groups to file suit over the harbour law, said in a statement.")
    assert found == ["Tom Reyl"]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # after a bare cue, a noun phrase opens the clause: its later "that" is a relative one
        ("Jane Doe said his comments reflect an intolerance that extends to the harbour.",
         "his comments reflect an intolerance that extends to the harbour."),
        # words of when or where before "that" are not what was said
        ("Jane Doe said this past week that the harbour would close.", "the harbour would close."),
        ("Jane Doe said on Monday that the harbour would close.", "the harbour would close."),
    ],
)
def test_where_a_that_clause_starts(text, content):
    assert _quotes(text) == [("indirect", "Jane Doe", content)]


@pytest.mark.parametrize(
    "text",
    [
        "Voters in Kestria and Velmar states that have long backed the party stayed home.",
        "The Reyl emails that were released on Monday covered the harbour deal.",
        "Thanks to the storm, the harbour board agreed to delay the vote.",
        "Jane Doe endorsed Tom Reyl for mayor of Port Velmar on Monday.",
        "Jane Doe agreed to testify before the harbour board next week.",
        "The council rejected the harbour plan and proposed a new budget.",
        "The attacks on the harbour board made it a challenging year for Jane Doe.",
    ],
)
def test_nouns_and_acts_that_look_like_cues_report_nothing(text):
    assert _quotes(text) == []


def test_the_past_forms_of_those_cues_still_report():
    assert _quotes("Jane Doe stated that the harbour would close.") == [
        ("indirect", "Jane Doe", "the harbour would close.")]
    assert _quotes("Jane Doe emailed that the harbour would close.") == [
        ("indirect", "Jane Doe", "the harbour would close.")]


def test_a_surname_that_is_also_a_title_means_the_person_named_so():
    assert _speakers("Jane King won twelve titles in her career. King says the harbour will "
                     "stay open.") == ["Jane King"]
    # no one of that name in the article: the title names no one
    assert _speakers("The King says the harbour will stay open.") == [None]


@pytest.mark.parametrize("join", [", while", ", and", ", but", ";"])
def test_a_joined_clause_with_a_named_speaker_is_a_statement_of_its_own(join):
    found = _quotes(f"Jane Doe suggested that the harbour plan is dead{join} Tom Reyl said "
                    "that it was alive.")
    assert [(k, s, t) for k, s, t in found] == [
        ("indirect", "Jane Doe", "the harbour plan is dead"),
        ("indirect", "Tom Reyl", "it was alive."),
    ]


def test_a_joined_clause_without_a_named_speaker_stays_in_the_statement():
    assert _quotes("Jane Doe said the plan was dead and the harbour said nothing.") == [
        ("indirect", "Jane Doe", "the plan was dead and the harbour said nothing.")]


@pytest.mark.parametrize(
    "text",
    [
        "Jane Doe told reporters outside a restaurant in Port Velmar.",
        "Jane Doe said via the harbour board's website on Monday.",
    ],
)
def test_where_it_was_said_is_not_what_was_said(text):
    assert _quotes(text) == []


def test_a_day_and_its_part_before_the_content():
    assert _quotes("Jane Doe said Tuesday morning the harbour would close.") == [
        ("indirect", "Jane Doe", "the harbour would close.")]
    assert _quotes("Jane Doe said Monday night on a ferry radio show.") == []


_CAST = "Jane Doe and Tom Reyl spoke at the pier on Monday about the ferries."


@pytest.mark.parametrize("para", [
    "Said Doe: \u201cThe boats are old and slow.\u201d",
    "Said Doe, \u201cThe boats are old and slow.\u201d",
    "Added Jane Doe, \u201cThe boats are old and slow.\u201d",
    "Stated Doe:\n\n\u201cThe boats are old and slow.\u201d",
    "Continued Doe: \u201cThe boats are old and slow.\u201d",
    "Says Doe, who ran the harbour for ten years, \u201cThe boats are old and slow.\u201d",
])
def test_a_cue_opening_its_sentence_names_the_speaker_after_it(para: str) -> None:
    # 'Added Jane Doe, "..."': the cue opens the sentence and its speaker follows; the cue
    # word is no part of a name, and what follows the name is no reported statement of its own
    ex = extract_quotes([_CAST, *para.split("\n\n")])
    assert [(q.kind, q.speaker_key) for q in ex.quotes] == [("direct", "Jane Doe")]
    assert sorted(s.key for s in ex.speakers) == ["Jane Doe"]


@pytest.mark.parametrize("para", [
    "Asked about the ferries, Doe said the boats were old and slow.",
    "Told of the vote, Doe said the boats were old and slow.",
    "Said Doe, the harbour chief, said the boats were old and slow.",
])
def test_an_opening_participle_or_a_given_name_is_no_inverted_cue(para: str) -> None:
    # the negative cases: a passive opener ('Asked about ...,') and a capitalised cue word
    # with a cue of its own after the name ('Said' is also a given name): the statement is
    # the later cue's
    ex = extract_quotes([_CAST, para])
    assert [(q.kind, q.cue, q.text) for q in ex.quotes] == [
        ("indirect", "said", "the boats were old and slow.")]
