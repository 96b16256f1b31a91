"""HTML tables become one line per row, each figure next to the labels that say what it is."""

from __future__ import annotations

from pathlib import Path


from shopwindow.content import block_text, extract_article, soup_of
from shopwindow.savings import extract_savings
from shopwindow.tables import MAX_LINE, MAX_ROWS

FIXTURES = Path(__file__).parent / "fixtures" / "tables"


def lines_of(html: str) -> list[str]:
    return block_text(soup_of(f"<html><body>{html}</body></html>").body)


def test_each_row_is_one_line_labelled_by_its_first_cell_and_the_column_headers():
    html = """<table><tr><th>Year</th><th>Target</th><th>Delivered</th></tr>
    <tr><td>2011/12</td><td>£1.1m</td><td>£1.3m</td></tr></table>"""
    assert lines_of(html) == ["2011/12: Target £1.1m; Delivered £1.3m"]


def test_a_budget_row_keeps_its_service_name_and_every_column_heading():
    html = """<table><thead><tr><th>Service</th><th>Budget 2023/24</th><th>Budget 2024/25</th><th>Saving</th></tr></thead>
    <tbody><tr><td>Waste and recycling</td><td>£14.2m</td><td>£13.6m</td><td>£0.6m</td></tr></tbody></table>"""
    assert lines_of(html) == ["Waste and recycling: Budget 2023/24 £14.2m; Budget 2024/25 £13.6m; Saving £0.6m"]


def test_the_caption_is_its_own_line_before_the_rows():
    html = """<table><caption>Savings delivered</caption><tr><th>Year</th><th>Delivered</th></tr>
    <tr><td>2019/20</td><td>£2m</td></tr></table>"""
    assert lines_of(html) == ["Savings delivered", "2019/20: Delivered £2m"]


def test_row_header_cells_label_rows_when_there_is_no_header_row():
    html = """<table><tr><th scope="row">Budget</th><td>£14.2m</td></tr>
    <tr><th scope="row">Saving</th><td>£0.6m</td></tr></table>"""
    assert lines_of(html) == ["Budget: £14.2m", "Saving: £0.6m"]


def test_an_empty_corner_header_makes_the_first_column_the_row_label():
    html = """<table><tr><th></th><th>2022</th><th>2023</th></tr><tr><td>Libraries</td><td>£1m</td><td>£0.9m</td></tr></table>"""
    assert lines_of(html) == ["Libraries: 2022 £1m; 2023 £0.9m"]


def test_a_first_column_of_figures_is_a_value_not_a_label():
    html = """<table><tr><th>Target</th><th>Delivered</th></tr><tr><td>£1.1m</td><td>£1.3m</td></tr></table>"""
    assert lines_of(html) == ["Target £1.1m; Delivered £1.3m"]


def test_without_a_header_row_cells_are_joined_with_semicolons():
    html = """<table><tr><td>Shared HR</td><td>£300,000</td></tr><tr><td>Joint waste</td><td>£1.2m</td></tr></table>"""
    assert lines_of(html) == ["Shared HR; £300,000", "Joint waste; £1.2m"]


def test_empty_cells_are_skipped_and_a_cell_under_an_empty_header_stands_alone():
    html = """<table><tr><th>Year</th><th>Target</th><th></th><th>Delivered</th></tr>
    <tr><td>2012/13</td><td>£2.4m</td><td>revised</td><td>-</td></tr></table>"""
    assert lines_of(html) == ["2012/13: Target £2.4m; revised"]


def test_a_header_spanning_columns_is_repeated_over_each_of_them():
    html = """<table><thead><tr><th rowspan="2">Service</th><th colspan="2">2023/24</th><th colspan="2">2024/25</th></tr>
    <tr><th>Target</th><th>Actual</th><th>Target</th><th>Actual</th></tr></thead>
    <tbody><tr><td>Adult care</td><td>£1m</td><td>£0.8m</td><td>£2m</td><td>£1.5m</td></tr></tbody></table>"""
    assert lines_of(html) == ["Adult care: 2023/24 Target £1m; 2023/24 Actual £0.8m; 2024/25 Target £2m; 2024/25 Actual £1.5m"]


def test_a_header_row_spanning_the_whole_table_is_a_title_line_not_a_column_heading():
    html = """<table><tr><th colspan="3">Savings 2023/24</th></tr><tr><th>Service</th><th>Target</th><th>Delivered</th></tr>
    <tr><td>Highways</td><td>£400,000</td><td>£350,000</td></tr></table>"""
    assert lines_of(html) == ["Savings 2023/24", "Highways: Target £400,000; Delivered £350,000"]


def test_a_spanning_data_cell_is_read_once_but_a_spanning_row_label_labels_every_row():
    html = """<table><tr><th>Service</th><th>Year</th><th>Saving</th><th>Income</th></tr>
    <tr><td rowspan="2">Parking</td><td>2022/23</td><td colspan="2">£50,000</td></tr>
    <tr><td>2023/24</td><td>£60,000</td><td rowspan="2">£5,000</td></tr>
    <tr><td colspan="4">Figures for 2024/25 follow in the autumn</td></tr></table>"""
    assert lines_of(html) == [
        "Parking: Year 2022/23; Saving / Income £50,000",
        "Parking: Year 2023/24; Saving £60,000; Income £5,000",
        "Figures for 2024/25 follow in the autumn",
    ]


def test_absurd_spans_are_capped_rather_than_trusted():
    html = """<table><tr><th>Service</th><th colspan="999999999">Saving</th></tr>
    <tr><td rowspan="999999999">Waste</td><td>£1m</td></tr><tr><td>£2m</td></tr></table>"""
    assert lines_of(html) == ["Waste: Saving £1m", "Waste: Saving £2m"]


def test_a_data_table_nested_in_a_layout_table_is_read_once_with_the_text_around_it():
    html = """<table><tr><td><b>Savings update</b><p>The programme closed in March after two years of work.</p>
    <table><tr><th>Year</th><th>Saving</th></tr><tr><td>2019/20</td><td>£2m</td></tr></table>
    Figures are audited.</td></tr></table>"""
    assert lines_of(html) == [
        "Savings update",
        "The programme closed in March after two years of work.",
        "2019/20: Saving £2m",
        "Figures are audited.",
    ]


def test_a_layout_table_of_paragraphs_keeps_one_line_per_block():
    html = """<table><tr><td><a href="/">Home</a></td></tr><tr><td><b>Joint procurement hub</b>
    <p>Three councils now buy through one hub.</p><p>Officers expect savings of five per cent.</p></td>
    <td>Contact the procurement team</td></tr></table>"""
    assert lines_of(html) == [
        "Home",
        "Joint procurement hub Three councils now buy through one hub. Officers expect savings of five per cent.",
        "Contact the procurement team",
    ]


def test_a_cell_of_long_prose_makes_the_table_a_layout_table():
    prose = "The shared service went live in April and brought two teams together. " * 4
    html = f"""<table><tr><th>Project</th><th>Notes</th></tr><tr><td>Shared HR</td><td>{prose}</td></tr></table>"""
    assert lines_of(html) == ["Project", "Notes", "Shared HR", prose.strip()]


def test_a_word_processor_table_with_a_paragraph_per_cell_and_a_bold_first_row_is_data():
    html = """<table><tr><td><p><strong>Year</strong></p></td><td><p><strong>Delivered</strong></p></td></tr>
    <tr><td><p>2011/12</p></td><td><p>£1.3m</p></td></tr></table>"""
    assert lines_of(html) == ["2011/12: Delivered £1.3m"]


def test_a_single_column_table_gives_one_line_per_cell():
    html = """<table><tr><th>Shared services</th></tr><tr><td>Human resources</td></tr><tr><td>Legal</td></tr></table>"""
    assert lines_of(html) == ["Shared services", "Human resources", "Legal"]


def test_rows_and_line_length_are_capped():
    many = "".join(f"<tr><td>Line {i}</td><td>£{i}</td></tr>" for i in range(MAX_ROWS + 100))
    assert len(lines_of(f"<table>{many}</table>")) == MAX_ROWS
    wide = "<tr>" + "".join(f"<td>£{i},{i:03d},000 and change</td>" for i in range(40)) + "</tr>"
    (line,) = lines_of(f"<table>{wide}{wide}</table>")[:1]
    assert len(line) <= MAX_LINE and line.endswith("and change")  # cut at a whole cell, never inside a figure


def test_table_cells_are_not_also_read_as_blocks():
    html = """<table><tr><th>Year</th><th>Saving</th></tr><tr><td>2020/21</td><td><p>£750,000</p></td></tr></table>"""
    text = "\n".join(lines_of(html))
    assert text == "2020/21: Saving £750,000"


def test_a_table_marked_as_presentation_is_layout():
    html = """<table role="presentation"><tr><td>Budget</td><td>£14m</td></tr></table>"""
    assert lines_of(html) == ["Budget", "£14m"]


def test_a_savings_table_page_reaches_the_savings_extractor_row_by_row():
    html = (FIXTURES / "savings-programme.html").read_text(encoding="utf-8")
    article = extract_article(html, "https://www.anytown.gov.uk/budget/savings")
    lines = article.text.splitlines()
    assert lines[lines.index("Savings programme, target and delivered") + 1:][:2] == [
        "2011/12: Target £1.1m; Delivered £1.3m",
        "2012/13: Target £2.4m; Delivered £2.2m",
    ]
    assert "Waste and recycling: Budget 2023/24 £14.2m; Budget 2024/25 £13.6m; Saving £0.6m" in lines
    assert "Target" not in lines and "£1.1m" not in lines  # no cell on a line of its own

    found = {s.amount_text for s in extract_savings(article.text)}
    assert "£0.6m" in found  # the Saving column
    assert not found & {"£14.2m", "£13.6m"}  # budgets are never savings


def test_table_row_labels_give_each_figure_its_status():
    html = (FIXTURES / "savings-programme.html").read_text(encoding="utf-8")
    article = extract_article(html, "https://www.anytown.gov.uk/budget/savings")
    status = {s.amount_text: s.status for s in extract_savings(article.text)}
    assert status == {"£1.1m": "target", "£1.3m": "achieved", "£2.4m": "target", "£2.2m": "achieved",
                      "£0.6m": "target"}


def test_a_column_headed_in_thousands_of_pounds_gives_its_bare_amounts_as_sterling():
    html = """<table><tr><th>Service</th><th>Saving (£'000)</th><th>Budget £m</th><th>Year</th></tr>
    <tr><td>Street cleansing</td><td>650</td><td>14.2</td><td>2024</td></tr></table>"""
    assert lines_of(html) == ["Street cleansing: Saving £650k; Budget £14.2m; Year 2024"]


def test_a_caption_stating_the_unit_covers_every_money_column_but_not_counts():
    html = """<table><caption>Efficiency programme (all figures £000)</caption>
    <tr><th>Directorate</th><th>Savings 2025/26</th><th>Posts</th></tr>
    <tr><td>Place</td><td>1,275</td><td>14</td></tr>
    <tr><td>People</td><td>(300)</td><td>2</td></tr></table>"""
    lines = lines_of(html)
    assert lines[1:] == ["Place: Savings 2025/26 £1,275k; Posts 14", "People: Savings 2025/26 (300); Posts 2"]
    # The extractor now sees the money: 1,275 thousand pounds.
    assert [s.amount_gbp for s in extract_savings("\n".join(lines))] == [1_275_000.0]


def test_without_a_stated_unit_a_bare_number_stays_a_number():
    html = "<table><tr><th>Service</th><th>Saving</th></tr><tr><td>Libraries</td><td>650</td></tr></table>"
    assert lines_of(html) == ["Libraries: Saving 650"]


def test_a_unit_in_one_heading_or_a_pound_sign_mid_phrase_turns_no_count_into_money():
    html = """<table><tr><th>Scheme (£m)</th><th>Saving</th><th>Residents helped</th><th>Cost per £ spent</th></tr>
    <tr><td>Hubs</td><td>2.5</td><td>3,150</td><td>3</td></tr></table>"""
    assert lines_of(html) == ["Hubs: Saving £2.5m; Residents helped 3,150; Cost per £ spent 3"]
