"""Splitting a page that describes several council schemes into one record per scheme."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from shopwindow.models import Record, Saving
from shopwindow.savings import extract_savings
from shopwindow.split import slug, split_page

SHORTLIST = """The judges picked these entries for the efficiency award.

Ipswich BC
The council moved its contact centre online and saved £400,000 a year.

Harrow and Brent LBCs – shared legal service
The two boroughs merged their legal teams, saving £1.2m since 2016.

Case study: Kirklees Council
A new reablement service is expected to save £2m over three years.
"""

ROUND_UP = """Councils are finding new ways to make money go further. Here are three examples.

Wigan Council says its community deal has saved £140m since 2011 by working with residents.

In the east, Suffolk County Council cut its energy bills by £1m a year with LED street lights.

Barnet Council outsourced back-office services to Capita, reporting savings of £126m over ten years.
"""

ONE_SCHEME = """Nottingham City Council and Nottinghamshire County Council have joined their trading standards teams.

Nottingham City Council will host the shared team, which is expected to save £300,000 a year.

Nottinghamshire County Council staff transfer in April.
"""


def page(body: str, **kwargs) -> Record:
    return Record(title="Page title", url="https://example.org/page", body=body, published="2024-05-01", **kwargs)


def test_shortlist_becomes_one_record_per_entry_with_its_own_councils_and_figures():
    parts = split_page(page(SHORTLIST))
    assert [p.key for p in parts] == ["ipswich-bc", "harrow-and-brent-lbcs-shared-legal-service",
                                      "case-study-kirklees-council"]
    assert [p.councils for p in parts] == [["E07000202"], ["E09000015", "E09000005"], ["E08000034"]]
    amounts = [[s.amount_gbp for s in extract_savings(p.body)] for p in parts]
    assert amounts == [[400_000], [1_200_000], [2_000_000]]
    assert all(p.url == "https://example.org/page" and p.published == "2024-05-01" for p in parts)


def test_round_up_article_splits_by_paragraph_lead_council():
    parts = split_page(page(ROUND_UP))
    assert [p.councils for p in parts] == [["E08000010"], ["E10000029"], ["E09000003"]]
    assert "£1m" in parts[1].body and "£140m" not in parts[1].body


def test_page_about_one_scheme_stays_whole():
    assert split_page(page(ONE_SCHEME)) is None
    assert split_page(page("Kent County Council saved £2m on waste. It plans more.")) is None


def test_pages_already_split_by_their_reader_or_without_body_are_left_alone():
    assert split_page(page(SHORTLIST, key="entry-1")) is None
    assert split_page(page("")) is None


def test_keys_are_stable_and_unique():
    assert slug("Harrow and Brent LBCs – shared legal service") == "harrow-and-brent-lbcs-shared-legal-service"
    twice = SHORTLIST + "\nIpswich BC\nA second Ipswich entry saved £50,000.\n"
    keys = [p.key for p in split_page(page(twice))]
    assert len(keys) == len(set(keys)) and "ipswich-bc-2" in keys
    assert keys == [p.key for p in split_page(page(twice))]


def test_reader_supplied_savings_follow_the_part_that_quotes_them():
    saving = Saving(amount_gbp=1.2e6, quote="The two boroughs merged their legal teams, saving £1.2m since 2016.")
    parts = split_page(page(SHORTLIST, savings=[saving]))
    assert [len(p.savings) for p in parts] == [0, 1, 0]


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=400))
def test_splitting_and_saving_extraction_never_raise(body):
    parts = split_page(page(body)) or []
    for part in parts:
        assert part.key and part.councils
    extract_savings(body)


def test_a_round_up_paragraph_whose_only_figure_is_a_percentage_is_a_scheme_of_its_own():
    text = ROUND_UP + "\nSheffield City Council trimmed its agency staffing bill by 18% in a year.\n"
    parts = split_page(page(text))
    assert [p.councils for p in parts][-1] == ["E08000039"]  # Sheffield (its code since 2023)
    assert "18%" in parts[-1].body


def test_links_to_related_stories_after_the_article_are_not_schemes_of_this_page():
    text = ("Leeds City Council fitted smart heating controls in its offices, cutting its energy bill by £300,000 a year.\n\n"
            "Staff can change settings for every building from one screen.\n\n"
            "Related stories\n"
            "- Bradford Council saves £200,000 on street lighting\n"
            "- Calderdale Council cuts agency spend by 20%\n")
    assert split_page(page(text)) is None


def test_headings_on_each_partners_share_of_one_joint_scheme_keep_the_page_whole():
    text = ("Three district councils - Mid Devon, East Devon and Teignbridge - set up one company to employ their staff. "
            "It saved £3.1m a year across the three.\n\n"
            "Mid Devon District Council\nMost of its share came from a single revenues team.\n\n"
            "East Devon District Council\nIts share came from merged planning support.\n\n"
            "Teignbridge District Council\nA shared ICT service gave most of its share.\n")
    assert split_page(page(text)) is None
    # The same headings with figures of their own are three schemes.
    with_figures = text.replace("single revenues team.", "single revenues team, £1.2m.")
    with_figures = with_figures.replace("merged planning support.", "merged planning support, £0.9m.")
    assert len(split_page(page(with_figures))) == 3


def test_a_bare_everyday_word_council_heading_counts_among_other_council_headings():
    text = ("Three boroughs automated their back offices.\n\n"
            "Hackney\nThe borough's own developers built tools for benefit claims, saving £400,000 a year.\n\n"
            "Reading\nSoftware robots now match invoices, worth £210,000 a year.\n\n"
            "Camden\nData analytics cut debt recovery costs by £300,000.\n")
    assert [p.councils for p in split_page(page(text))] == [["E09000012"], ["E06000038"], ["E09000007"]]
    # Alone, such a heading is a word: "Reading" over a paragraph about one council splits nothing.
    assert split_page(page("Reading\nCamden Council read the meters and saved £20,000.\n")) is None
