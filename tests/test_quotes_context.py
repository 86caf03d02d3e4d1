"""Speakers decided by the context around a quotation: who a pronoun after what was said
means, the person asked, subjects of coordinated and relative phrases, pull-quote signature
lines, a cue closing the paragraph before, the clause a quotation sits in, and unnamed
speakers going on. Made-up sentences only."""

from __future__ import annotations

from site_gen.quotes import extract_quotes
from site_gen.quotes.clauses import sentence_subject, subject_before
from site_gen.quotes.names import parse_mention
from tests.quotecheck import E, Q
from tests.quotecheck import speaker_of as _speaker_of


def test_trailing_pronoun_means_the_previous_sentences_speaker() -> None:
    paras = ["Tom Baker told reporters that the count was going well.",
             "Mark Rowe was the best mayor the city ever had, he said."]
    assert _speaker_of(paras, "best mayor") == "Tom Baker"


def test_parenthetical_pronoun_means_the_previous_sentences_speaker() -> None:
    paras = [f"{Q}They see what we cannot see from here,{E} Paul Kern said. Mark Rowe's "
             f"focus on {Q}the town first{E} won him over, he said, since the budget "
             "was a mess."]
    assert _speaker_of(paras, "won him over") == "Paul Kern"
    assert _speaker_of(paras, "the town first") == "Paul Kern"


def test_trailing_pronoun_with_no_speaker_before_keeps_the_subject() -> None:
    paras = ["Sam Ortiz voted for the tax in 2012 and against it in 2014.",
             "Ortiz likely would have voted for the plan no matter what, he says."]
    assert _speaker_of(paras, "likely would") == "Sam Ortiz"


def test_the_person_asked_answers_next() -> None:
    paras = ["Mark Rowe said the deal was fine.",
             "Jane Rudd asked Tom Fennel to assess Ivan Sorokin twice during the broadcast. He "
             "did not, and instead argued that the deal was bad for the country."]
    assert _speaker_of(paras, "bad for the country") == "Tom Fennel"


def test_the_asker_keeps_her_own_sentence() -> None:
    paras = ["Jane Rudd pressed Tom Fennel on the deal, citing reports that the firm had "
             "paid the mayor twice."]
    assert _speaker_of(paras, "paid the mayor") != "Tom Fennel"


def test_a_name_in_a_coordinated_subject_is_not_its_head() -> None:
    assert sentence_subject("The singer and Ann Lee supporter praised the plan.", 0, 49) is None
    paras = ["The singer and Ann Lee supporter praised the plan in a video, saying that the "
             "mayor was the best person for the job."]
    assert _speaker_of(paras, "best person") != "Ann Lee"


def test_a_name_inside_a_whose_clause_is_not_the_subject() -> None:
    text = "Mary Reed, whose daughter, Sara Bland, died last year, called on them"
    mention = subject_before(text, 0, text.index("called"))
    assert mention is not None and mention.name == "Mary Reed"
    paras = ["Mary Reed, whose daughter, Sara Bland, died in a county jail last year, called "
             "on the voters to make their voices heard at the polls."]
    assert _speaker_of(paras, "voices heard") == "Mary Reed"


def test_a_surname_means_the_one_spoken_of() -> None:
    paras = ["The son of Paul Dorsey, a retired miner, wrote to the board on Monday.",
             f"{Q}Why would you use my dad in your campaign?{E} Carl Dorsey said.",
             "Dorsey later wrote that the board owed his family an apology."]
    assert _speaker_of(paras, "owed his family") == "Carl Dorsey"


def test_a_surname_keeps_the_first_person_once_spoken_of() -> None:
    paras = [f"{Q}We will win the county,{E} Hillary Vance said.",
             "Bill Vance spoke at a rally in the evening.",
             "Vance said that the county would vote for her."]
    assert _speaker_of(paras, "county would vote") == "Hillary Vance"


def test_with_a_description_then_a_participle() -> None:
    paras = ["Former Sen. Jane Doe spoke in Ohio on Monday.",
             f"Doe's campaign criticized the decision, with the former senator calling the "
             f"move {Q}deeply troubling.{E}"]
    assert _speaker_of(paras, "deeply troubling", "direct") == "Jane Doe"


def test_pull_quote_signature_line_names_the_speaker() -> None:
    paras = [f"{Q}This is the best plan I have seen,{E} said Ann Cole, the mayor.",
             '"We have not seen anything like this before. Nobody has, and it shows.',
             'Norman Oakes, a scholar at the Center for Policy, on the race."']
    assert _speaker_of(paras, "anything like this") == "Norman Oakes"


def test_a_cue_closing_the_paragraph_before() -> None:
    paras = ["Steve Lyle, the coach, spoke to the team on Monday.",
             "In reply, the college put out a notice. Acme University's Media "
             "Coordinator Dane Pressner wrote:",
             f"{Q}The opening song is a moment to think of the town we share. We value "
             f"the choice of every player on the squad.{E}"]
    assert _speaker_of(paras, "opening song") == "Dane Pressner"


def test_an_institutions_role_then_a_name() -> None:
    m = parse_mention("Acme University's Media Coordinator Dane Pressner", 0)
    assert m is not None and m.kind == "name" and m.name == "Dane Pressner"


def test_the_lawmaker_is_the_representative() -> None:
    paras = ["Rep. Mike Carter said on Monday that the inquiry would go on.",
             f"{Q}This goes on whether she wins or loses,{E} the Republican lawmaker "
             "told reporters."]
    assert _speaker_of(paras, "goes on whether") == "Mike Carter"


def test_a_possessor_in_the_pronouns_own_sentence() -> None:
    paras = [f"{Q}Write-offs are a large deduction,{E} said Steven Ross, a tax lawyer.",
             "Limit the deductions.",
             f"Even without his filings, the cause of most of Mr. Kemp's losses is no "
             f"secret: {Q}I love write-offs,{E} he said at the forum."]
    assert _speaker_of(paras, "love write-offs") == "Kemp"


def test_a_quotation_in_a_later_clause_of_a_report() -> None:
    paras = [f"While Jane Doe has vowed to honor the agreement, Mark Rowe has pledged to "
             f"{Q}cancel{E} the accord."]
    assert _speaker_of(paras, "cancel", "direct") == "Mark Rowe"


def test_an_introductory_time_phrase_before_the_subject() -> None:
    paras = ["Derek Kovac joined the club in May.",
             f"{Q}It is fine,{E} said Hailey Stone, a student.",
             f"One quiet evening, Kovac hung a banner in the dining hall that read, "
             f"{Q}The Quietest Party on the Quad, open to everyone in town.{E}"]
    assert _speaker_of(paras, "Quietest Party") == "Derek Kovac"


def test_a_long_introductory_clause_before_the_subject() -> None:
    text = ("As for the polls and the early vote statistics suggesting that the young voters "
            "are not backing the mayor as eagerly as they had backed him in the two previous "
            "elections, Tom Baker said that was not a useful comparison.")
    mention = sentence_subject(text, 0, len(text))
    assert mention is not None and mention.name == "Tom Baker"


def test_an_unnamed_speaker_goes_on() -> None:
    paras = ["Mark Rowe, the treasurer, said the bank acted alone.",
             f"{Q}That is for the lender to decide,{E} a spokeswoman said. {Q}We have not "
             f"changed the rules and we will not change them.{E}"]
    assert _speaker_of(paras, "changed the rules") is None


def test_the_next_quotation_goes_on_with_the_asker_not_the_one_asked() -> None:
    paras = ["Ana Lima, the mayor, spoke to the reporter Tom Reyl on Monday.",
             f"{Q}Mayor Lima, you said the plan was sound,{E} Reyl asked Lima. "
             f"{Q}Can you explain that?{E}"]
    assert _speaker_of(paras, "Can you explain") == "Tom Reyl"


def test_the_next_quotation_goes_on_with_the_speaker_not_the_source_cited() -> None:
    paras = ["Judge Ana Lima heard the case in the morning.",
             f"{Q}There has been a constant drip of filings,{E} the judge said, according to "
             f"the Velmar Herald. {Q}This case is about the right to know.{E}"]
    assert _speaker_of(paras, "right to know") == "Ana Lima"


def test_the_next_quotation_goes_on_after_a_long_attributing_sentence() -> None:
    # the attributing sentence names another person in a participle clause, with a cue of
    # its own: the quotation right after that sentence is still the first speaker's
    paras = ["The council argued over the ferry contract on Tuesday.",
             f"{Q}Who is the real spendthrift here?{E} said Nora Quist, using a word her rival "
             "Tom Reyl has often used to describe the harbour board, on a call with reporters. "
             f"{Q}The board and its friends wasted two years on a plan nobody wanted.{E}"]
    assert _speaker_of(paras, "wasted two years") == "Nora Quist"


def test_a_cue_with_its_own_statement_after_a_full_stop_is_not_the_quotations() -> None:
    # the second quotation goes on with the sentence that attributes the first; the cue
    # after it begins a sentence of its own with its own statement, another speaker's
    paras = [f"{Q}It is a sad day,{E} Nora Quist told reporters outside the town hall. "
             f"{Q}This is what a careless board does to a harbour.{E} Tom Reyl said he "
             "would have closed the harbour earlier."]
    assert _speaker_of(paras, "careless board") == "Nora Quist"
    assert _speaker_of(paras, "closed the harbour", "indirect") == "Tom Reyl"


def test_a_cue_after_a_full_stop_names_the_speaker_when_no_one_spoke_before() -> None:
    paras = ["The harbour closed on Monday after a long dispute.",
             f"{Q}This is what a careless board does to a harbour.{E} Tom Reyl said he "
             "would have closed it earlier."]
    assert _speaker_of(paras, "careless board") == "Tom Reyl"


def test_a_sentence_between_two_quotations_ends_the_first_speakers_turn() -> None:
    paras = ["Ana Lima, the mayor, spoke to the reporter Tom Reyl on Monday.",
             f"{Q}Will you run again?{E} Reyl asked. Lima smiled at the question. "
             f"{Q}We will see.{E}"]
    assert _speaker_of(paras, "We will see") == "Ana Lima"


def test_a_cue_that_opens_the_next_quotation_is_not_the_previous_ones() -> None:
    paras = ["Tom Reyl said the ferry would run in May.",
             "Earlier that year, Ana Lima wrote to Mr. Reyl about a visit to the island, "
             f"{Q}at the invitation of the harbour board.{E} Mr. Reyl replied, "
             f"{Q}It is good news.{E}"]
    assert _speaker_of(paras, "at the invitation") != "Tom Reyl"
    assert _speaker_of(paras, "It is good news") == "Tom Reyl"


def test_a_cue_between_two_pieces_of_one_statement_keeps_both() -> None:
    paras = [f"{Q}It is good news,{E} Tom Reyl said, {Q}and the island has waited for it.{E}"]
    assert _speaker_of(paras, "It is good news") == "Tom Reyl"
    assert _speaker_of(paras, "the island has waited") == "Tom Reyl"


def test_a_name_suffix_keeps_its_full_stop_as_written() -> None:
    assert parse_mention("Peter R. Vance Jr.", 0).name == "Peter R. Vance Jr."
    assert parse_mention("Peter R. Vance Jr", 0).name == "Peter R. Vance Jr"
    assert parse_mention("said Jane Roe.", 0).name == "Jane Roe"  # a sentence's full stop
    paras = [f"{Q}We have moved the needle,{E} said Peter R. Vance Jr., a former official."]
    assert _speaker_of(paras, "moved the needle") == "Peter R. Vance Jr."


def test_a_leading_participles_object_and_its_quotation_come_before_the_subject() -> None:
    paras = ["Mayor Ana Lima spoke at an outdoor rally on Sunday.",
             f"Calling Mr. Reyl's challenger, Nora Quist, {Q}exactly the kind of partner I need"
             f" on the council,{E} Mrs. Lima upbraided Mr. Reyl for failing to act."]
    assert _speaker_of(paras, "exactly the kind of partner", "direct") == "Ana Lima"


def test_a_leading_participle_without_a_quotation_keeps_the_subject_after_it() -> None:
    paras = ["Mayor Ana Lima and Nora Quist spoke at an outdoor rally on Sunday.",
             "Calling for calm, Nora Quist said the vote would be fair to everyone."]
    assert _speaker_of(paras, "the vote would be fair", "indirect") == "Nora Quist"


def test_a_participle_between_two_quotations_goes_on_with_the_first_ones_speaker() -> None:
    # the first quotation holds a sentence end: the participle's own sentence has no subject
    paras = ["Tom Kirk and Jane Doe met voters on Monday.",
             "Kirk said he felt they were saying, \u201cWe are safe now. It is over,\u201d adding,"
             " \u201cAnd this was not the time to relax.\u201d"]
    found = {q.text: q.speaker_key for q in extract_quotes(paras).quotes if q.kind == "direct"}
    assert found["And this was not the time to relax."] == "Tom Kirk"


def test_a_participle_with_a_subject_of_its_own_is_that_subjects() -> None:
    paras = ["Tom Kirk and Jane Doe met voters on Monday.",
             "\u201cWe are safe now,\u201d Doe said. Kirk shook his head, adding, \u201cNot at all,"
             " not this year.\u201d"]
    found = {q.text: q.speaker_key for q in extract_quotes(paras).quotes if q.kind == "direct"}
    assert found["Not at all, not this year."] == "Tom Kirk"
