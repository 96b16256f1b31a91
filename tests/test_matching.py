"""One initiative, many sources: the matcher on known pairs (same scheme / same council but a different scheme)."""

from __future__ import annotations

import pytest
import sqlite_utils
from shopwindow.models import Record, Saving
from shopwindow.schema import ensure_schema
from shopwindow.storage import Storage, initiative_id
from shopwindow_plugins.matching import (
    THRESHOLD,
    Side,
    dice,
    figures_agree,
    find_match,
    match_initiative,
    score,
    stem,
    stored_sides,
    tokens,
)

COUNCILS = {
    "E08000010": ("Wigan Metropolitan Borough Council", "Wigan"),
    "E10000015": ("Hertfordshire County Council", "Hertfordshire"),
    "E10000023": ("North Yorkshire County Council", "North Yorkshire"),
    "E08000035": ("Leeds City Council", "Leeds"),
    "E07000044": ("South Hams District Council", "South Hams"),
    "E07000047": ("West Devon Borough Council", "West Devon"),
    "W06000015": ("Cardiff Council", "Cardiff"),
    "W06000022": ("Newport City Council", "Newport"),
    "W06000014": ("Vale of Glamorgan Council", "Vale of Glamorgan"),
    "W06000013": ("Bridgend County Borough Council", "Bridgend"),
    "E09000033": ("Westminster City Council", "Westminster"),
    "E09000020": ("Royal Borough of Kensington and Chelsea", "Kensington and Chelsea"),
    "E09000013": ("London Borough of Hammersmith and Fulham", "Hammersmith and Fulham"),
    "E09000027": ("London Borough of Richmond upon Thames", "Richmond upon Thames"),
    "E09000032": ("London Borough of Wandsworth", "Wandsworth"),
    "E09000021": ("Royal Borough of Kingston upon Thames", "Kingston upon Thames"),
    "E10000030": ("Surrey County Council", "Surrey"),
    "E06000060": ("Buckinghamshire Council", "Buckinghamshire"),
    "E10000011": ("East Sussex County Council", "East Sussex"),
    "S12000008": ("East Ayrshire Council", "East Ayrshire"),
    "S12000028": ("South Ayrshire Council", "South Ayrshire"),
    "N09000003": ("Belfast City Council", "Belfast"),
    "N09000007": ("Lisburn and Castlereagh City Council", "Lisburn and Castlereagh"),
    "E07000079": ("Cotswold District Council", "Cotswold"),
    "S12000005": ("Clackmannanshire Council", "Clackmannanshire"),
    "S12000030": ("Stirling Council", "Stirling"),
    "E06000037": ("West Berkshire Council", "West Berkshire"),
    "S12000049": ("Glasgow City Council", "Glasgow"),
}

# (stored record, incoming record, same scheme?) - titles deliberately differ on the positive side.
S = dict  # a record spec: title, summary, councils, url, kind, amount, percent


def rec(spec: dict) -> Record:
    savings = [Saving(amount_gbp=spec["amount"], quote=f"saved {spec['amount']}")] if spec.get("amount") else []
    savings += [Saving(percent=spec["percent"], quote=f"cut {spec['percent']}%")] if spec.get("percent") else []
    return Record(title=spec["title"], summary=spec.get("summary", ""), url=spec["url"], councils=spec["councils"],
                  source_kind=spec.get("kind", "council"), savings=savings, key=spec.get("key", ""))


WIGAN_DEAL = S(title="Wigan Council: The Deal between council and residents", url="https://www.local.gov.uk/wigan-deal", kind="lga",
               summary="Wigan rebuilt its relationship with residents around an informal Deal, freezing council tax and asking people to do their bit.",
               councils=["E08000010"], amount=160e6)
HERTS_FS = S(title="Hertfordshire County Council: Family Safeguarding", url="https://www.local.gov.uk/herts-family-safeguarding", kind="lga",
             summary="Adult specialists in domestic abuse, mental health and substance misuse join children's safeguarding teams.",
             councils=["E10000015"])
NO_WRONG_DOOR = S(title="North Yorkshire County Council: No Wrong Door", url="https://www.local.gov.uk/no-wrong-door", kind="lga",
                  summary="Hubs replace children's homes, offering residential places, outreach and fostering support for teenagers on the edge of care.",
                  councils=["E10000023"])
LEEDS_FGC = S(title="Leeds City Council: Family group conferencing and restorative practice", url="https://www.local.gov.uk/leeds-fgc", kind="lga",
              summary="Families draw up their own plan before the council intervenes; fewer children in care.", councils=["E08000035"])
SOUTH_HAMS = S(title="South Hams and West Devon shared workforce", url="https://www.local.gov.uk/map.csv", key="SS006", kind="lga",
               summary="Two district councils employ a single workforce under one chief executive and redesigned services through the T18 transformation programme.",
               councils=["E07000044", "E07000047"], amount=4.6e6)
GWYRDD = S(title="Prosiect Gwyrdd", url="https://www.local.gov.uk/map.csv", key="SS013", kind="lga",
           summary="Five councils jointly procured treatment of residual household waste at an energy-from-waste plant instead of landfill.",
           councils=["W06000015", "W06000022", "W06000014"], amount=500e6)
SRS = S(title="Shared Regulatory Services", url="https://www.local.gov.uk/map.csv", key="SS011", kind="lga",
        summary="Environmental health, trading standards and licensing for three south Wales councils combined into one service.",
        councils=["W06000015", "W06000013", "W06000014"])
TRIBOROUGH = S(title="Tri-borough shared services", url="https://www.local.gov.uk/map.csv", key="SS001", kind="lga",
               summary="Three inner London boroughs combined management and several front-line services under single directors.",
               councils=["E09000033", "E09000020", "E09000013"], amount=33.4e6)
RICH_WAND = S(title="Richmond and Wandsworth shared staffing arrangement", url="https://www.local.gov.uk/map.csv", key="SS031", kind="lga",
              summary="The two boroughs merged their workforces into one staff team serving both councils.",
              councils=["E09000027", "E09000032"], amount=10e6)
BUCKS_SURREY_TS = S(title="Buckinghamshire and Surrey Trading Standards", url="https://www.local.gov.uk/map.csv", key="SS010", kind="lga",
                    summary="A single trading standards service for two non-neighbouring areas, with one management team.",
                    councils=["E06000060", "E10000030"])
AYRSHIRE_ROADS = S(title="Ayrshire Roads Alliance", url="https://www.local.gov.uk/map.csv", key="SS019", kind="lga",
                   summary="A combined roads service for two Ayrshire councils covering maintenance, design and traffic management.",
                   councils=["S12000008", "S12000028"])
ARC21 = S(title="arc21 waste management partnership", url="https://www.local.gov.uk/map.csv", key="SS023", kind="lga",
          summary="Councils in the east of Northern Ireland jointly procure recycling and residual waste treatment contracts.",
          councils=["N09000003", "N09000007"])
CLACKS_STIRLING = S(title="Clackmannanshire and Stirling shared education and social services", url="https://www.local.gov.uk/map.csv", key="SS017",
                    kind="lga", summary="Two neighbouring councils shared heads of service and teams for education and social work.",
                    councils=["S12000005", "S12000030"])
ORBIS = S(title="Orbis", url="https://www.local.gov.uk/map.csv", key="SS003", kind="lga",
          summary="A partnership running finance, HR, IT, procurement, property and internal audit for two county councils and a city council.",
          councils=["E10000030", "E10000011"])
# Two Glasgow street-lighting schemes three years apart (data/snapshot/councils/S12000049): they share
# "street lights" and "energy", which once scored 0.37 and merged them; each reports its own figure.
GLASGOW_SENSORS = S(title="Smart street lights cut energy use", url="https://www.glasgow.gov.uk/newsroom/2015/10/intelligent-street-lighting/",
                    summary="Sensors on street lights along the riverside walkway brighten lamps as people pass; "
                            "the demonstration cut energy use by up to 60%.", councils=["S12000049"], percent=60)
GLASGOW_LED = S(title="Glasgow to replace 70,000 street lights", url="https://www.glasgow.gov.uk/newsroom/2018/06/led-lighting-glasgow/",
                summary="The city will convert 70,000 street lights to LED in a £50m programme, expecting to save more than £4m a "
                        "year on energy and repairs.", councils=["S12000049"], amount=4e6)
PUBLICA = S(title="Publica Group", url="https://www.local.gov.uk/map.csv", key="SS026", kind="lga",
            summary="A company owned by the councils employs most of their staff and delivers their services under contract.",
            councils=["E07000079"])

PAIRS: list[tuple[dict, dict, bool]] = [
    # --- same scheme, different publisher and title
    (WIGAN_DEAL, S(title="The Deal: how Wigan and its residents saved £160m together", url="https://www.wigan.gov.uk/news/deal-160m",
                   summary="Freezing council tax while residents recycle, volunteer and look after their health.", councils=["E08000010"], amount=160e6), True),
    (WIGAN_DEAL, S(title="Wigan Council – The Deal", url="https://www.localis.org.uk/report.pdf", kind="thinktank", key="wigan",
                   summary="An informal deal with residents: the council keeps council tax low, residents do their bit.", councils=["E08000010"]), True),
    (HERTS_FS, S(title="Family Safeguarding model keeps more Hertfordshire children at home",
                 url="https://www.hertfordshire.gov.uk/news/family-safeguarding",
                 summary="Social workers now work alongside domestic abuse, mental health and substance misuse specialists.", councils=["E10000015"]), True),
    (NO_WRONG_DOOR, S(title="'No Wrong Door' hubs for teenagers to be extended", url="https://www.northyorks.gov.uk/news/no-wrong-door",
                      summary="The hubs in Harrogate and Scarborough give young people on the edge of care one key worker.", councils=["E10000023"]), True),
    (LEEDS_FGC, S(title="Leeds expands family group conferences to keep children out of care", url="https://news.leeds.gov.uk/fgc",
                  summary="More families will be offered a conference to plan a child's care with relatives and friends.", councils=["E08000035"]), True),
    (SOUTH_HAMS, S(title="South Hams and West Devon: a shared workforce and the T18 programme", url="https://www.local.gov.uk/south-hams-t18",
                   kind="lga", summary="South Hams and West Devon share one workforce and rebuilt services around online self-service through T18.",
                   councils=["E07000044", "E07000047"], amount=4.6e6), True),
    (GWYRDD, S(title="Energy from waste plant starts treating Cardiff's rubbish under Prosiect Gwyrdd",
               url="https://www.cardiffnewsroom.co.uk/prosiect-gwyrdd", summary="Residual waste now goes to the Trident Park energy-from-waste plant instead of landfill.",
               councils=["W06000015"]), True),
    (SRS, S(title="New regulatory service for Bridgend, Cardiff and the Vale goes live", url="https://www.valeofglamorgan.gov.uk/news/srs",
            summary="Environmental health, trading standards and licensing teams from three councils become one regulatory service.",
            councils=["W06000014"]), True),
    (TRIBOROUGH, S(title="Tri-borough: three councils, one children's service", url="https://www.newlocal.org.uk/report.pdf", kind="thinktank",
                   key="tri", summary="Westminster, Kensington and Chelsea and Hammersmith and Fulham combined children's services and management.",
                   councils=["E09000033", "E09000020", "E09000013"]), True),
    (RICH_WAND, S(title="Richmond and Wandsworth agree to share one staff team", url="https://www.richmond.gov.uk/news/shared-staffing",
                  summary="A single workforce will serve both boroughs, saving an expected £10m a year.", councils=["E09000027"], amount=10e6), True),
    (BUCKS_SURREY_TS, S(title="Surrey and Bucks launch joint trading standards service", url="https://news.surreycc.gov.uk/trading-standards",
                        summary="One trading standards team now protects consumers and businesses in both counties.", councils=["E10000030"]), True),
    (AYRSHIRE_ROADS, S(title="East and South Ayrshire roads services come together in new alliance", url="https://www.east-ayrshire.gov.uk/news/roads",
                       summary="The roads alliance will handle maintenance, design and traffic management for both councils.", councils=["S12000008"]), True),
    (ARC21, S(title="arc21 councils sign residual waste treatment contract", url="https://www.belfastcity.gov.uk/news/arc21",
              summary="The partnership's councils agree a joint contract for treating residual waste.", councils=["N09000003"]), True),
    # Two councils' merger told by their news page and by a report: no words in common but the councils' names,
    # one figure in common, and the same pair of councils.
    (S(title="Cardiff and Newport: a single team for the two cities", url="https://www.cardiff.gov.uk/news/one-team",
       summary="From today both councils answer to one director and one set of managers.",
       councils=["W06000015", "W06000022"], amount=4.2e6),
     S(title="Cardiff Council: Newport collaboration", url="https://www.example-thinktank.org.uk/report.pdf", kind="thinktank",
       key="cardiff", summary="The cities pooled their staff over six years, which cut duplication across the pair.",
       councils=["W06000015", "W06000022"], amount=4.2e6), True),
    # --- hard negatives: same council, different scheme
    (WIGAN_DEAL, S(title="Wigan Council: new leisure centre opens in Leigh", url="https://www.wigan.gov.uk/news/leigh-leisure",
                   summary="The centre has a pool, gym and sports hall.", councils=["E08000010"]), False),
    (WIGAN_DEAL, S(title="Wigan Council: online council tax accounts save £1m", url="https://www.wigan.gov.uk/news/council-tax-online",
                   summary="Residents can now manage council tax online, cutting printing and postage costs.", councils=["E08000010"], amount=1e6), False),
    (HERTS_FS, S(title="Hertfordshire County Council: LED street lighting conversion", url="https://www.hertfordshire.gov.uk/news/led",
                 summary="Replacing street lights with LEDs cuts energy bills and carbon.", councils=["E10000015"]), False),
    (GWYRDD, S(title="Shared Regulatory Services", url="https://www.local.gov.uk/map.csv#srs", kind="lga", key="SS011b",
               summary="Environmental health, trading standards and licensing for three south Wales councils combined into one service.",
               councils=["W06000015", "W06000013", "W06000014"]), False),
    (ORBIS, S(title="Surrey and Bucks launch joint trading standards service", url="https://news.surreycc.gov.uk/ts2",
              summary="One trading standards team now protects consumers and businesses in both counties.", councils=["E10000030", "E06000060"]), False),
    (LEEDS_FGC, S(title="Leeds City Council: Leeds PIPES district heating network", url="https://news.leeds.gov.uk/pipes",
                  summary="Heat from the recycling and energy recovery facility warms council homes and city centre buildings.", councils=["E08000035"]), False),
    (NO_WRONG_DOOR, S(title="North Yorkshire County Council: Stronger Communities programme", url="https://www.northyorks.gov.uk/news/stronger",
                      summary="Grants and advice help community groups run libraries and transport.", councils=["E10000023"]), False),
    (RICH_WAND, S(title="Achieving for Children", url="https://www.local.gov.uk/map.csv#afc", kind="lga", key="SS032",
                  summary="A community interest company owned by the councils that runs their children's services.",
                  councils=["E09000021", "E09000027"]), False),
    (SOUTH_HAMS, S(title="West Devon Borough Council: car park charges review", url="https://www.westdevon.gov.uk/news/parking",
                   summary="The council is consulting on new tariffs in Tavistock and Okehampton.", councils=["E07000047"]), False),
    (TRIBOROUGH, S(title="Westminster City Council: smart parking sensors", url="https://www.westminster.gov.uk/news/smart-parking",
                   summary="Bay sensors tell drivers where spaces are free, cutting congestion.", councils=["E09000033"]), False),
    (PUBLICA, S(title="Ubico", url="https://www.local.gov.uk/map.csv#ubico", kind="lga", key="SS027",
                summary="A waste collection and street cleaning company wholly owned by its client councils.", councils=["E07000079"]), False),
    (CLACKS_STIRLING, S(title="Stirling Council: City Region Deal signed", url="https://www.stirling.gov.uk/news/city-deal",
                        summary="Government and the councils commit investment in innovation, culture and transport.", councils=["S12000030"]), False),
    (HERTS_FS, S(title="West Berkshire adopts the Family Safeguarding model", url="https://www.westberks.gov.uk/news/family-safeguarding",
                 summary="Adult specialists join children's social work teams, following Hertfordshire.", councils=["E06000037"]), False),
    (GLASGOW_SENSORS, GLASGOW_LED, False),
    # The same pair of councils, two schemes: their figures differ, so the pair alone proves nothing.
    (S(title="Cardiff and Newport: a single team for the two cities", url="https://www.cardiff.gov.uk/news/one-team",
       summary="From today both councils answer to one director and one set of managers.",
       councils=["W06000015", "W06000022"], amount=4.2e6),
     S(title="Joint bus contract for Cardiff and Newport", url="https://www.newport.gov.uk/news/buses",
       summary="The cities tendered their school and evening routes together.", councils=["W06000015", "W06000022"],
       amount=0.6e6), False),
]


def new_db() -> sqlite_utils.Database:
    db = ensure_schema(sqlite_utils.Database(memory=True))
    db["councils"].insert_all([{"code": c, "name": n, "short_name": s} for c, (n, s) in COUNCILS.items()], pk="code")
    return db


def store(db: sqlite_utils.Database, spec: dict, source: str = "stored") -> str:
    record = rec(spec)
    Storage(db).save_page(url=record.url + ("#" + record.key if record.key else ""), source=source, fetch={},
                          records=[record], requests=[], match=match_initiative)
    return db.execute("select initiative_id from initiative_sources where url = ? and title = ?", [record.url, record.title]).fetchone()[0]


def test_precision_and_recall_on_known_pairs():
    assert len(PAIRS) >= 20 and sum(1 for *_, same in PAIRS if not same) >= 10
    tp = fp = fn = 0
    wrong = []
    scores: dict[bool, list[float]] = {True: [], False: []}
    for stored, incoming, same in PAIRS:
        db = new_db()
        stored_id = store(db, stored)
        record = rec(incoming)
        found, value = find_match(db, record, initiative_id(record))
        scores[same].append(value)
        if found == stored_id and same:
            tp += 1
        elif found is not None and not same:
            fp += 1
            wrong.append(f"false match {value:.2f}: {incoming['title']!r} -> {stored['title']!r}")
        elif found is None and same:
            fn += 1
            wrong.append(f"missed {value:.2f}: {incoming['title']!r} -> {stored['title']!r}")
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn)
    print(f"matching: {len(PAIRS)} pairs, precision {precision:.2f}, recall {recall:.2f}, threshold {THRESHOLD}, "
          f"weakest match {min(scores[True]):.2f}, closest non-match {max(scores[False]):.2f}")
    assert precision == 1.0, wrong
    assert recall >= 0.85, wrong


def test_three_publishers_of_one_scheme_make_one_initiative_with_three_sources():
    db = new_db()
    lga_id = store(db, WIGAN_DEAL, source="lga-case-studies")
    store(db, PAIRS[0][1], source="council-news")
    store(db, PAIRS[1][1], source="thinktank-reports")
    assert db["initiatives"].count == 1
    kinds = sorted(r[0] for r in db.execute("select source_kind from initiative_sources where initiative_id = ?", [lga_id]))
    assert kinds == ["council", "lga", "thinktank"]


def test_storing_the_same_records_again_changes_nothing():
    db = new_db()
    for spec in (WIGAN_DEAL, PAIRS[0][1], PAIRS[1][1]):
        store(db, spec)
    before = (db["initiatives"].count, db["initiative_sources"].count)
    for spec in (WIGAN_DEAL, PAIRS[0][1], PAIRS[1][1]):
        store(db, spec)
    assert (db["initiatives"].count, db["initiative_sources"].count) == before == (1, 3)


def test_records_without_councils_are_never_matched():
    db = new_db()
    store(db, WIGAN_DEAL)
    orphan = rec(dict(PAIRS[0][1], councils=[], url="https://example.org/deal"))
    assert match_initiative(db=db, record=orphan, initiative_id=initiative_id(orphan)) is None


def test_records_from_the_same_page_never_merge():
    db = new_db()
    store(db, SRS)
    twin = rec(dict(SRS, key="SS011-copy"))
    assert find_match(db, twin, initiative_id(twin))[0] is None


def test_the_same_figure_counts_for_a_match_and_different_figures_against():
    four_million, sixty_percent = Side([], "", amounts=[4e6]), Side([], "", percents=[60.0])
    assert figures_agree(four_million, Side([], "", amounts=[4.02e6])) is True  # within 1%
    assert figures_agree(four_million, sixty_percent) is False
    assert figures_agree(four_million, Side([], "")) is None  # silence is no evidence
    words = Side(["street lights"], "street lights")
    plain = score(words, words, set())
    assert score(Side(words.titles, words.text, amounts=[4e6]), Side(words.titles, words.text, percents=[60.0]), set()) < plain


@pytest.mark.parametrize(("a", "b"), [("conferences", "conferencing"), ("completed", "complete"), ("safeguarding", "safeguarded"), ("roads", "road")])
def test_stems_meet(a, b):
    assert stem(a) == stem(b)


def test_council_names_and_stock_words_do_not_count():
    assert tokens("Wigan Council saves money with shared services", {"wigan"}) == set()
    assert tokens("Wigan Council: The Deal", {"wigan"}) == {"deal"}
    assert dice({"deal"}, {"deal", "resident"}) == pytest.approx(2 / 3)


def test_candidates_are_read_however_many_share_a_council():
    """A big council's initiatives go to SQLite as one JSON list: more than its 32,766 "?" could hold."""
    db = ensure_schema(sqlite_utils.Database(memory=True))
    ids = [f"i{k}" for k in range(33_000)]
    db["initiatives"].insert_all(({"id": i, "title": f"Scheme {i}"} for i in ids), alter=True)
    sides, _ = stored_sides(db, ids)
    assert len(sides) == 33_000 and sides["i32999"].titles == ["Scheme i32999"]
