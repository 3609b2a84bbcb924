"""The readers: files in, well-formed records or errors with file and line out. No database."""

import datetime as dt
import json
from pathlib import Path

from meetings.importing.readers import ArticleRecord, ReadError, read_csv, read_jsonl, read_paths

DATA = Path(__file__).parent / "data"


def write_jsonl(path: Path, lines: list) -> Path:
    path.write_text(
        "\n".join(line if isinstance(line, str) else json.dumps(line) for line in lines) + "\n",
        encoding="utf-8",
    )
    return path


def test_jsonl_reader_understands_the_eval_field_names(tmp_path):
    path = write_jsonl(
        tmp_path / "a.jsonl",
        [
            {
                "id": "x-1",
                "title": "Envoys meet",
                "text": "Two envoys met in Geneva on Tuesday.",
                "published": "2024-02-06",
                "dateline": "GENEVA, Feb 6",
                "outlet": "Example Wire",
                "source_url": "https://example.org/envoys",
                "gold": {"meetings": []},
            }
        ],
    )
    [record] = read_jsonl(path)
    assert record == ArticleRecord(
        source=str(path),
        line=1,
        title="Envoys meet",
        body="Two envoys met in Geneva on Tuesday.",
        url="https://example.org/envoys",
        outlet="Example Wire",
        published_on=dt.date(2024, 2, 6),
        dateline="GENEVA, Feb 6",
    )


def test_jsonl_reader_accepts_body_url_and_published_on_spellings(tmp_path):
    path = write_jsonl(
        tmp_path / "a.jsonl",
        [
            {
                "body": "Talks were held.",
                "url": "https://example.org/t",
                "published_on": "2024-02-06T09:00:00Z",
                "language": "fr",
            }
        ],
    )
    [record] = read_jsonl(path)
    assert (record.body, record.url, record.published_on, record.language) == (
        "Talks were held.",
        "https://example.org/t",
        dt.date(2024, 2, 6),
        "fr",
    )
    assert record.title == "Talks were held.", "no title: the first line of the text"


def test_jsonl_reader_reports_each_malformed_line_with_its_number_and_goes_on(tmp_path):
    path = write_jsonl(
        tmp_path / "a.jsonl",
        [
            {"title": "Good one", "text": "A good article."},  # line 1
            '{"title": "Broken", "text": ',  # line 2: bad JSON
            {"title": "No text"},  # line 3
            "",  # line 4: blank, ignored
            {"text": "Dated oddly.", "published": "17 April 2023"},  # line 5
            {"text": "Linked oddly.", "url": "not a url"},  # line 6
            '["a list"]',  # line 7
            {"title": "Good two", "text": "Another good article."},  # line 8
        ],
    )
    items = list(read_jsonl(path))
    errors = [item for item in items if isinstance(item, ReadError)]
    assert [e.line for e in errors] == [2, 3, 5, 6, 7]
    assert "bad JSON" in errors[0].message
    assert "missing text" in errors[1].message
    assert "bad date '17 April 2023'" in errors[2].message
    assert "bad URL 'not a url'" in errors[3].message
    assert str(errors[0]).startswith(f"{path}:2: ")
    assert [r.title for r in items if isinstance(r, ArticleRecord)] == ["Good one", "Good two"]
    assert [r.line for r in items if isinstance(r, ArticleRecord)] == [1, 8]


def test_jsonl_reader_reports_a_line_that_is_not_utf8(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_bytes(b'{"text": "caf\xe9"}\n{"text": "fine"}\n')
    first, second = read_jsonl(path)
    assert isinstance(first, ReadError)
    assert (first.line, "not UTF-8" in first.message) == (1, True)
    assert second.body == "fine"


def test_csv_reader_reads_quoted_multiline_text_and_reports_the_record_start_line(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text(
        "title,text,source_url,published\n"  # line 1
        'First,"Para one.\n\nPara two.",https://example.org/1,2024-01-02\n'  # lines 2-4
        "Short row,only two\n"  # line 5: 2 columns where the header has 4
        "Third,Body three.,https://example.org/3,2024-13-01\n"  # line 6: month 13
        "Fourth,Body four.,,\n",  # line 7
        encoding="utf-8",
    )
    items = list(read_csv(path))
    first, short, bad_date, fourth = items
    assert first.body == "Para one.\n\nPara two." and first.line == 2
    assert first.published_on == dt.date(2024, 1, 2)
    assert isinstance(short, ReadError) and short.line == 5
    assert "2 columns where the header has 4" in short.message
    assert isinstance(bad_date, ReadError) and bad_date.line == 6
    assert (fourth.title, fourth.url, fourth.published_on, fourth.line) == ("Fourth", "", None, 7)


def test_csv_reader_without_a_text_column_reports_the_header(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text("title,url\nA,https://example.org/a\n", encoding="utf-8")
    [error] = read_csv(path)
    assert isinstance(error, ReadError) and error.line == 1
    assert 'no "text" or "body" column' in error.message


def test_csv_reader_accepts_an_excel_byte_order_mark(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text("text,title\nBody.,Title\n", encoding="utf-8-sig")
    [record] = read_csv(path)
    assert (record.title, record.body) == ("Title", "Body.")


def test_html_is_reduced_to_its_main_text_and_its_declared_metadata():
    [record] = read_paths([DATA / "folder" / "harbour-visit.html"])
    assert record.title == "Prime minister visits harbour city"
    assert record.body.startswith("The prime minister of Sudria arrived in the harbour city")
    assert record.body.endswith("at a joint news conference after the talks.")
    assert "\n\nShe was received" in record.body, "paragraphs stay apart"
    for boilerplate in ("Subscribe now", "Related:", "Copyright", "Cookie"):
        assert boilerplate not in record.body
    assert record.url == "https://example.com/2024/05/harbour-visit"
    assert record.published_on == dt.date(2024, 5, 12)
    assert record.outlet == "Example Times"


def test_txt_title_is_its_first_line_and_a_json_sidecar_adds_metadata():
    [record] = read_paths([DATA / "folder" / "talks-in-vienna.txt"])
    assert record.title == "Ministers resume talks in Vienna"
    assert record.body.startswith("VIENNA, March 3 -- The foreign ministers")
    assert (record.url, record.outlet, record.published_on, record.dateline) == (
        "https://example.org/news/vienna-talks",
        "Example Wire",
        dt.date(2024, 3, 4),
        "VIENNA, March 3",
    )


def test_txt_with_a_title_in_metadata_csv_keeps_all_its_text():
    [record] = read_paths([DATA / "folder" / "asia"])
    assert record.title == "Leaders speak by phone"
    assert record.body.startswith("The presidents of Estland and Westmark spoke by telephone")
    assert record.url == "https://example.net/phone-call"
    assert record.dateline == "ESTLAND, June 1"


def test_txt_of_one_paragraph_takes_its_title_from_the_file_name(tmp_path):
    (tmp_path / "envoy_arrives-in-oslo.txt").write_text("An envoy arrived in Oslo.\n")
    [record] = read_paths([tmp_path])
    assert (record.title, record.body) == ("Envoy arrives in oslo", "An envoy arrived in Oslo.")


def test_folder_reader_walks_sub_folders_and_ignores_other_files():
    records = list(read_paths([DATA / "folder"]))
    assert all(isinstance(r, ArticleRecord) for r in records)
    assert sorted(Path(r.source).name for r in records) == [
        "harbour-visit.html",
        "phone-call.txt",
        "talks-in-vienna.txt",
    ]


def test_bad_sidecar_metadata_is_reported_against_the_sidecar(tmp_path):
    (tmp_path / "a.txt").write_text("Title\n\nText.\n")
    (tmp_path / "a.json").write_text('{"published": "yesterday"}')
    [error] = read_paths([tmp_path])
    assert isinstance(error, ReadError)
    assert error.source == str(tmp_path / "a.json")
    assert "bad date 'yesterday'" in error.message


def test_missing_path_and_unknown_file_type_are_errors_not_crashes(tmp_path):
    (tmp_path / "a.docx").write_bytes(b"PK")
    missing, unknown = read_paths([tmp_path / "nope.jsonl", tmp_path / "a.docx"])
    assert str(missing) == f"{tmp_path / 'nope.jsonl'}: no such file or folder"
    assert "unknown file type '.docx'" in unknown.message


def test_html_in_a_legacy_encoding_is_read_through_its_meta_charset(tmp_path):
    page = (
        '<html><head><meta charset="windows-1252"><title>Caf\xe9 diplomacy</title></head>'
        "<body><article><p>The envoys met at a caf\xe9 in Vienna on Monday and talked for "
        "three hours about the treaty, officials from both delegations said.</p>"
        "</article></body></html>"
    )
    (tmp_path / "page.html").write_bytes(page.encode("cp1252"))
    [record] = read_paths([tmp_path])
    assert record.title == "Café diplomacy"
    assert "met at a café in Vienna" in record.body
