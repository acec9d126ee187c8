"""The upload page's decoding of browser files, before anything is parsed."""

import base64

from callbacks.upload import decode, templates
from layouts.import_problems import issue_text


def _data_url(content: bytes) -> str:
    return "data:text/csv;base64," + base64.b64encode(content).decode()


def test_files_are_decoded_from_data_urls():
    files, problems = decode([_data_url(b"a;b\r\n1;2\r\n")], ["x.csv"])
    assert problems == [] and files[0].name == "x.csv" and files[0].content == b"a;b\r\n1;2\r\n"


def test_a_too_large_file_is_refused_before_it_is_decoded():
    files, problems = decode([_data_url(b"x" * 3000)], ["stor.csv"], max_bytes=1000)
    assert files == []
    assert problems[0].file == "stor.csv" and "för stor" in issue_text(problems[0])


def test_a_garbled_transfer_is_a_problem_not_a_crash():
    files, problems = decode(["data:text/csv;base64,@@@"], ["trasig.csv"])
    assert files == [] and problems[0].file == "trasig.csv"


def test_every_template_is_offered_for_download():
    links = templates()
    assert ("utfall.csv", "/mallar/utfall.csv") in links and len(links) >= 7


def test_a_file_wrong_on_every_row_lists_the_first_problems_and_counts_the_rest():
    from dash import html

    from dashboard.upload.problems import ImportIssue, ImportProblem
    from layouts import texts
    from layouts.upload import PROBLEMS_SHOWN, problem_list

    problems = [
        ImportProblem(
            "utfall.csv", row, "organisation", "GRANNE", ImportIssue.OUT_OF_SCOPE, {"scope": "SKA"}
        )
        for row in range(2, 1002)
    ]
    alert = problem_list(problems)
    [items] = [c for c in alert.children if isinstance(c, html.Ul)]
    assert len(items.children) == PROBLEMS_SHOWN and "rad 2," in items.children[0].children
    assert texts.PROBLEMS_NOT_SHOWN.format(count=f"{1000 - PROBLEMS_SHOWN}") in str(
        alert.children[-1].children
    )


def test_every_import_problem_code_and_phrase_has_its_swedish_wording():
    from dashboard.upload.problems import ImportIssue, Phrase
    from layouts import texts

    assert set(texts.IMPORT_ISSUES) == set(ImportIssue)
    assert set(texts.IMPORT_PHRASES) == set(Phrase)


def test_permission_problems_are_told_apart_by_their_code_not_their_text():
    from dashboard.upload.problems import ImportIssue, ImportProblem, beyond_scope

    outside = ImportProblem("u.csv", 2, "organisation", "GRANNE", ImportIssue.OUT_OF_SCOPE)
    admin_only = ImportProblem("o.csv", None, None, None, ImportIssue.STRUCTURE_ONLY_ADMIN)
    unknown = ImportProblem("u.csv", 3, "organisation", "X", ImportIssue.UNKNOWN_CODE)
    assert beyond_scope([outside, unknown, admin_only]) == [outside, admin_only]


def test_a_problem_names_file_row_column_value_and_expectation_in_swedish():
    from dashboard.upload.problems import ImportIssue, ImportProblem, Phrase
    from layouts.import_problems import problem_text

    problem = ImportProblem(
        "mal.csv",
        4,
        "överordnat mål",
        "KF1",
        ImportIssue.PARENT_LEVEL,
        {"parent_level": "nämndmål", "parent": Phrase.GOAL_ABOVE, "level_above": "KF-mål"},
    )
    assert problem_text(problem) == (
        'mal.csv, rad 4, kolumn "överordnat mål": den överordnade har nivån nämndmål: "KF1". '
        "Förväntat: ett KF-mål."
    )
    assert problem_text(
        ImportProblem(
            "u.csv",
            7,
            None,
            "x" * 100,
            ImportIssue.FIELD_COUNT,
            {"count": 3, "width": 2, "separator": "semikolon", "hint": Phrase.TRUNCATED_HINT},
        )
    ) == (
        'u.csv, rad 7: raden har 3 fält men rubrikraden har 2: "' + "x" * 57 + '…". '
        "Förväntat: 2 fält per rad, åtskilda med semikolon (är filen avkortad?)."
    )
