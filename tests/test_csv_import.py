"""Reading files: dialects and encodings, layouts and aliases, and the corpus of bad files."""

import datetime as dt
import io
import time
import tracemalloc
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.upload.change_sets import UploadRejected, commit, preview
from dashboard.upload.csv_formats import LAYOUTS
from dashboard.upload.csv_import import MAX_FILE_BYTES, UploadFile, read_upload
from layouts.import_problems import issue_text, problem_text
from tests.digest import database_digest

FILES = Path(__file__).parent / "files"
DOCS = Path(__file__).parent.parent / "docs" / "import.md"
OUTCOMES = ["indicator_code", "org_code", "year", "period", "gender", "outcome", "forecast"]


def _read(text: str, encoding: str = "utf-8-sig", name: str = "utfall.csv"):
    return read_upload(UploadFile(name, text.encode(encoding)))


def _values(parsed, *fields: str) -> list[tuple]:
    return list(zip(*(parsed.columns[name] for name in fields)))


@pytest.mark.parametrize(
    ("text", "encoding", "label", "separator"),
    [
        (
            (
                "indikator;organisation;år;period;kön;utfall;prognos\r\n"
                "KF01;SKA;2025;T1;K;7,5;1 234,5\r\n"
            ),
            "utf-8-sig",
            "UTF-8 med BOM",
            ";",
        ),
        (
            (
                "indikator;organisation;år;period;kön;utfall;prognos\n"
                "KF01;SKA;2025;T1;K;7,5;1\u00a0234,5\n"
            ),
            "utf-8",
            "UTF-8",
            ";",
        ),
        (
            (
                "Indikator;Organisation;År;Period;Kön;Utfall;Prognos\r\n"
                "KF01;SKA;2025;T1;K;7,5;1 234,5\r\n"
            ),
            "cp1252",
            "Windows-1252",
            ";",
        ),
        (
            (
                "indicator,organisation,year,period,gender,outcome,forecast\n"
                "KF01,SKA,2025,T1,K,7.5,1234.5\n"
            ),
            "utf-8",
            "UTF-8",
            ",",
        ),
        (
            (
                "indicator,org,year,period,gender,outcome,forecast\n"
                'KF01,SKA,2025,T1,K,"7,5","1 234,5"\n'
            ),
            "utf-8",
            "UTF-8",
            ",",
        ),
        (
            (
                "indikator\torganisation\tår\tperiod\tkön\tutfall\tprognos\r\n"
                "KF01\tSKA\t2025\tT1\tK\t7,5\t1 234,5\r\n"
            ),
            "utf-16",
            "UTF-16",
            "\t",
        ),
        (
            (
                "sep=;\r\nindikator;organisation;år;period;kön;utfall;prognos\r\n"
                "KF01;SKA;2025;T1;K;7,5;1234,5\r\n"
            ),
            "cp1252",
            "Windows-1252",
            ";",
        ),
    ],
)
def test_swedish_and_english_excel_dialects_read_the_same(text, encoding, label, separator):
    parsed = _read(text, encoding)
    assert not parsed.problems
    assert (parsed.layout.kind, parsed.encoding, parsed.separator) == (
        "measurements",
        label,
        separator,
    )
    assert _values(parsed, *OUTCOMES) == [("KF01", "SKA", 2025, "T1", "K", 7.5, 1234.5)]
    assert list(parsed.rows) == [2]  # as Excel numbers it, which hides a "sep=" line


def test_numbers_dates_and_choices_in_the_forms_people_write_them():
    parsed = _read(
        "kod;mål;organisation;titel;ansvarig;startdatum;slutdatum;status\r\n"
        "A1;K1;SKA;Träffar;Anna;2026-04-30;2026-04-30 00:00;Pågår\r\n"
        "A2;K1;SKA;Träffar;Anna;2026-01-01T00:00:00;2026-12-31;EJ PÅBÖRJAD\r\n"
        "A3;K1;SKA;Träffar;Anna;2026-01-01;2026-12-31;\r\n"
    )
    assert not parsed.problems
    assert _values(parsed, "start_date", "end_date", "status") == [
        (dt.date(2026, 4, 30), dt.date(2026, 4, 30), "ongoing"),
        (dt.date(2026, 1, 1), dt.date(2026, 12, 31), "not_started"),
        (dt.date(2026, 1, 1), dt.date(2026, 12, 31), "not_started"),
    ]
    numbers = _read(
        "indikator;organisation;år;årsmål;delvis uppfyllt från;KF:s målvärde\r\n"
        "I;O;2025;85 %;−1,5;1\u202f000\r\nI;O;2026;0,5;-2;\r\n",
        name="arsmal.csv",
    )
    assert _values(numbers, "target", "partly_limit", "council_target") == [
        (85.0, -1.5, 1000.0),
        (0.5, -2.0, None),
    ]


def test_unknown_columns_are_noted_and_a_left_out_gender_means_total():
    parsed = _read(
        "indikator;organisation;år;period;utfall;Indikatornamn\r\nKF01;SKA;2025;T1;7;Sjuk\r\n"
    )
    assert not parsed.problems
    assert parsed.notes == ['Kolumnen "Indikatornamn" används inte.']
    assert _values(parsed, "gender", "outcome", "value_status") == [("T", 7.0, "ok")]


def test_every_problem_in_a_file_is_reported_with_row_column_value_and_expectation():
    parsed = _read(
        "indikator;organisation;år;period;kön;utfall\r\n"
        "KF01;SKA;20x5;T1;T;7\r\n;SKA;2025;T9;X;7,5,1\r\n"
    )
    assert [(p.row, p.column, p.value, issue_text(p)) for p in parsed.problems] == [
        (2, "år", "20x5", "inte ett heltal"),
        (3, "indikator", "", "värde saknas"),
        (3, "period", "T9", "okänt värde"),
        (3, "kön", "X", "okänt värde"),
        (3, "utfall", "7,5,1", "inte ett tal"),
    ]
    assert problem_text(parsed.problems[3]) == (
        'utfall.csv, rad 3, kolumn "kön": okänt värde: "X". Förväntat: ett av: T, K, M.'
    )


def test_a_column_given_twice_is_refused():
    parsed = _read("indikator;organisation;år;period;utfall;outcome\r\nKF01;SKA;2025;T1;7;8\r\n")
    assert [(p.row, p.column, issue_text(p)) for p in parsed.problems] == [
        (1, "outcome", 'kolumnen "utfall" finns två gånger (kolumn 5 och 6)')
    ]


def test_kolada_csv_and_json_read_alike():
    csv_file = _read(
        "kpi,municipality_id,period,gender,value\nN00945,0180,2022,T,81.2\nN00945,0180,2022,K,\n",
        "utf-8",
        "values.csv",
    )
    json_file = read_upload(
        UploadFile(
            "kolada.json",
            (
                b'{"count": 1, "values": [{"kpi": "N00945", "municipality": "0180", '
                b'"period": 2022, "values": [{"gender": "T", "status": "", "count": 1, '
                b'"value": 81.2}, '
                b'{"gender": "K", "status": "Missing", "count": 0, "value": null}]}]}'
            ),
        )
    )
    ou_file = read_upload(
        UploadFile(
            "ou.json",
            (
                b'{"values": [{"kpi": "N00945", "ou": "V15E144001301", "period": 2022, '
                b'"values": [{"gender": "T", "value": 7}]}]}'
            ),
        )
    )
    fields = ("kpi", "kolada_id", "year", "gender", "outcome", "value_status")
    expected = [
        ("N00945", "0180", 2022, "T", 81.2, "ok"),
        ("N00945", "0180", 2022, "K", None, "missing"),
    ]
    assert _values(csv_file, *fields) == expected
    assert _values(json_file, *fields) == expected
    assert _values(ou_file, *fields) == [("N00945", "V15E144001301", 2022, "T", 7.0, "ok")]
    assert list(json_file.rows) == [1, 1]


def test_the_real_kolada_extract_reads_without_problems():
    # shared/ lies beside the repository on developers' machines and in CI, not inside it
    real = (
        Path(__file__).resolve().parents[2]
        / "shared"
        / "realdata"
        / "kolada-stockholms-lan"
        / "values.csv"
    )
    if not real.exists():
        pytest.skip("the shared real data is not beside this checkout")
    parsed = read_upload(UploadFile(real.name, real.read_bytes()))
    assert not parsed.problems
    assert parsed.layout.kind == "kolada" and len(parsed.rows) == 44_621


HEADERS = [";".join(column.header for column in layout.columns) + "\r\n" for layout in LAYOUTS]


@settings(max_examples=150, deadline=None)
@given(
    st.binary(max_size=200)
    | st.builds(
        lambda header, body: (header + body).encode(),
        st.sampled_from(HEADERS),
        st.text(st.sampled_from(';,\t\r\n" .-x1Å'), max_size=200),
    )
)
def test_no_input_makes_the_reader_fail(content):
    parsed = read_upload(UploadFile("x.csv", content))
    assert parsed.problems or (parsed.layout and parsed.rows)


def test_every_column_of_every_layout_is_documented():
    docs = DOCS.read_text(encoding="utf-8")
    missing = [
        f"{layout.kind}: {header}"
        for layout in LAYOUTS
        for column in layout.columns
        for header in column.headers
        if f"`{header}`" not in docs
    ]
    assert not missing


# ---- the corpus of bad files: each refused with its own message, the database untouched --------

CORPUS = {  # file → (row, column, part of the message) of every problem it has
    "fel-avgransare.csv": [(None, None, "rubrikraden kunde inte delas upp i kolumner")],
    "komma-och-decimalkomma.csv": [(2, None, "raden har 7 fält men rubrikraden har 6")],
    "fel-teckenkodning.csv": [(None, None, "okänd teckenkodning: byten 0x8F på rad 2")],
    "saknad-kolumn.csv": [(1, None, 'obligatorisk kolumn "period" saknas')],
    "felaktiga-tal.csv": [
        (3, "utfall", 'inte ett tal: "sju"'),
        (4, "prognos", 'inte ett tal: "1.234,5"'),
    ],
    "dubbla-nycklar.csv": [
        (4, "indikator, organisation, år, period, kön", "samma nyckel som rad 2")
    ],
    "okanda-koder.csv": [
        (2, "indikator", 'okänd indikator: "KF99"'),
        (3, "organisation", 'okänd organisation: "NOWHERE"'),
    ],
    "avkortad.csv": [(4, None, "raden har 3 fält men rubrikraden har 7")],
    "avkortad-citat.csv": [(None, None, "rad 2 tar slut inne i ett citerat fält")],
    "tom.csv": [(None, None, "filen är tom")],
    "bara-rubrik.csv": [(None, None, "inga rader med värden")],
    "fel-kon.csv": [(3, "kön", 'okänt värde: "X". Förväntat: ett av: T, K, M')],
    "fel-period.csv": [(2, "år", 'utanför 1950–2100: "1850"'), (3, "period", 'okänt värde: "T3"')],
    "slut-fore-start.csv": [
        (2, "slutdatum", 'före "startdatum": "2026-01-31"'),
        (3, "slutdatum", 'inte ett datum: "31/12/2026"'),
    ],
    "fel-malniva.csv": [(2, "överordnat mål", "den överordnade har nivån inriktningsmål")],
    "ogiltig.json": [(None, None, "ogiltig JSON")],
    "kolada-utan-lista.json": [(None, None, 'JSON utan listan "values"')],
    "kolada-varden-ej-lista.json": [
        (1, "values", 'inte en lista: "5"'),
        (2, "values", 'inte en lista: "true"'),
    ],
    "kolada-djup.json": [(None, None, "JSON:en är för djupt nästlad")],
    "nul-efter-bom.csv": [(2, None, "filen innehåller binära tecken (NUL) på rad 2")],
    "udda-siffror.csv": [
        (2, "år", 'inte ett heltal: "2_027"'),
        (3, "utfall", 'inte ett tal: "1_000"'),
        (4, "utfall", 'inte ett tal: "８５"'),
        (5, "utfall", 'inte ett tal: "٨٥"'),
    ],
    "langt-citat.csv": [(2, None, "ett fält på rad 2 är längre än 131 072 tecken")],
    "blandad-kodning.csv": [(3, None, "rad 3 är sparad som UTF-8 men filen som Windows-1252")],
    "blandad-kodning-utf8.csv": [(4, None, "rad 4 är sparad som Windows-1252 men filen som UTF-8")],
    "bred-rubrik.csv": [(1, None, "rubrikraden har 307 kolumner (högst 200)")],
}


def test_every_file_of_the_corpus_has_its_expected_problems_listed():
    assert {path.name for path in FILES.iterdir()} == {*CORPUS, "utfall-ok.csv"}


def _assert_refused(store, upload: UploadFile, expected: list[tuple]) -> None:
    before = database_digest(store)
    problems = preview(store, [upload]).problems
    assert [(p.row, p.column) for p in problems] == [(row, column) for row, column, _ in expected]
    for problem, (_, _, message) in zip(problems, expected):
        assert problem.file == upload.name and message in problem_text(problem)
    with pytest.raises(UploadRejected) as rejected:
        commit(store, [upload], user_name="test")
    assert rejected.value.problems == problems
    assert database_digest(store) == before


@pytest.mark.parametrize("name", sorted(CORPUS))
def test_each_bad_file_is_refused_with_its_own_message(demo_store, name):
    _assert_refused(demo_store, UploadFile(name, (FILES / name).read_bytes()), CORPUS[name])


def test_the_corpus_codes_are_right_so_only_the_flaws_are_refused(demo_store):
    good = UploadFile("utfall-ok.csv", (FILES / "utfall-ok.csv").read_bytes())
    assert preview(demo_store, [good]).ok


def test_an_excel_workbook_renamed_to_csv_is_refused(demo_store):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as workbook:  # what an .xlsx file is
        workbook.writestr("[Content_Types].xml", "<Types/>")
        workbook.writestr("xl/workbook.xml", "<workbook/>")
    _assert_refused(
        demo_store,
        UploadFile("utfall.csv", buffer.getvalue()),
        [(None, None, "filen är en Excel-arbetsbok, inte en CSV-fil")],
    )


def test_a_huge_file_is_refused_before_it_is_read(demo_store):
    huge = b"indikator;organisation;\xff\n" + b"x" * MAX_FILE_BYTES  # not even valid text
    _assert_refused(
        demo_store,
        UploadFile("stor.csv", huge),
        [(None, None, "filen är för stor (100,0 MB, högst 100 MB tas emot)")],
    )


def test_a_row_of_only_spaces_and_a_header_ending_in_empty_cells_are_skipped():
    parsed = _read(
        "indikator;organisation;år;period;kön;utfall;prognos;;;\r\n"
        "KF01;SKA;2025;T1;K;7,5;1\r\n"
        "   \r\n"
        " ; ;\t;\r\n"
        "KF01;SKA;2025;T2;K;8;2;;;\r\n"
    )
    assert not parsed.problems
    assert list(parsed.rows) == [2, 5]
    assert _values(parsed, "period", "outcome") == [("T1", 7.5), ("T2", 8.0)]


def test_only_ascii_digits_make_a_date():
    parsed = _read("aktivitet;år;period;status\r\nA1;２０２６;T1;pågår\r\n")
    assert [(p.row, p.column, issue_text(p)) for p in parsed.problems] == [
        (2, "år", "inte ett heltal")
    ]
    activities = _read(
        "kod;mål;organisation;titel;ansvarig;startdatum;slutdatum\r\n"
        "A1;K1;SKA;Träffar;Anna;２０２６-01-01;2026-12-31\r\n"
    )
    assert [(p.row, p.column, issue_text(p)) for p in activities.problems] == [
        (2, "startdatum", "inte ett datum")
    ]


WIDE_HEADER = ";".join(["indikator", "organisation", *(f"c{i}" for i in range(700_000))])


@pytest.mark.parametrize(
    ("content", "issue"),
    [
        (b"a;b;" * 1_500_000, "rubrikraden har 3 000 000 kolumner (högst 200)"),
        (b"indikator;" * 600_000 + b"\r\nKF01\r\n", "rubrikraden har 600 000 kolumner (högst 200)"),
        (
            WIDE_HEADER.encode() + b"\r\nKF01;SKA\r\n",
            "rubrikraden har 700 002 kolumner (högst 200)",
        ),
        (b'a;"' + b"x" * 6_000_000 + b'"', "ett fält på rad 1 är längre än 131 072 tecken"),
        (b"x" * 6_000_000, "rubrikraden kunde inte delas upp i kolumner"),
        (b"indicator;org;year;period;outcome\r\n" + b"KF01;" * 1_200_000, "raden har 1200001 fält"),
    ],
)
def test_one_long_line_or_a_very_wide_header_is_refused_in_well_under_a_second_per_mb(
    content, issue
):
    started = time.perf_counter()
    parsed = read_upload(UploadFile("en-rad.csv", content))
    elapsed = time.perf_counter() - started
    assert [issue_text(problem)[: len(issue)] for problem in parsed.problems] == [issue]
    assert elapsed < 0.25 * len(content) / 1e6


def test_a_large_file_is_read_in_a_few_times_its_size_of_memory():
    """Only a chunk's cells exist at once and repeated values are shared (issue 16, finding 3):
    read as whole lists of cell strings, this file took 28 times its size; now 10, of which a
    chunk's fixed 20 MB is the most."""
    rows = "".join(
        f"KF{i % 25:02d};E{i // 25 % 4000:04d};{2020 + i // 100_000};T1;T;{i % 500 / 10};"
        "1,5;ok;\r\n"
        for i in range(120_000)
    )
    content = (
        "indikator;organisation;år;period;kön;utfall;prognos;värdestatus;kommentar\r\n" + rows
    ).encode()
    tracemalloc.start()
    try:
        parsed = read_upload(UploadFile("utfall.csv", content))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(parsed.rows) == 120_000 and not parsed.problems and peak < 15 * len(content)
