"""The CLI end to end: ingest → events → export, code (table/json/sentences), evaluate, errors."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from warta.cli import cli

TEXT = ("Jakarta (ANTARA) - Pemerintah Indonesia mengecam Israel atas serangan di Gaza, Senin. "
        "Menteri Luar Negeri Rusia Sergei Lavrov bertemu dengan Menteri Luar Negeri Tiongkok "
        "Wang Yi di Beijing.")


@pytest.fixture()
def corpus(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.jsonl").write_text(json.dumps({"id": "1", "published": "2024-10-07",
                                             "outlet": "x.example", "text": TEXT}) + "\n"
                                 + "{not json\n", encoding="utf-8")
    (src / "empty.txt").write_text("", encoding="utf-8")
    return src


def test_ingest_events_export(tmp_path, corpus) -> None:
    db = str(tmp_path / "w.duckdb")
    r = CliRunner().invoke(cli, ["ingest", str(corpus), "--db", db, "--quiet"])
    assert r.exit_code == 0, r.output
    assert "1 articles read, 1 added" in r.output and "2 inputs skipped" in r.output
    again = CliRunner().invoke(cli, ["ingest", str(corpus), "--db", db, "--quiet"])
    assert "0 added, 1 already present" in again.output
    r = CliRunner().invoke(cli, ["events", "--db", db, "--format", "json"])
    rows = json.loads(r.output)
    assert {(e["source_code"], e["cameo"][:2], e["target_code"]) for e in rows} >= {
        ("IDN", "11", "ISR"), ("RUS", "04", "CHN")}
    r = CliRunner().invoke(cli, ["events", "--db", db, "--dyad", "IDN", "ISR", "--format", "json"])
    assert [e["target_code"] for e in json.loads(r.output)] == ["ISR"]
    r = CliRunner().invoke(cli, ["skips", "--db", db, "--format", "json"])
    reasons = " ".join(s["reason"] for s in json.loads(r.output))
    assert "JSON" in reasons and "empty" in reasons
    out = tmp_path / "e.tsv"
    r = CliRunner().invoke(cli, ["export", str(out), "--db", db, "--format", "gdelt"])
    assert r.exit_code == 0 and out.exists()


def test_events_bad_parameters(tmp_path) -> None:
    r = CliRunner().invoke(cli, ["events", "--db", str(tmp_path / "none.duckdb")])
    assert r.exit_code == 2 and "no database" in r.output
    db = str(tmp_path / "w.duckdb")
    CliRunner().invoke(cli, ["ingest", "-", "--db", db, "--quiet"], input=TEXT)
    r = CliRunner().invoke(cli, ["events", "--db", db, "--since", "yesterday"])
    assert r.exit_code == 2 and "YYYY-MM-DD" in r.output
    r = CliRunner().invoke(cli, ["events", "--db", db, "--root", "99"])
    assert r.exit_code == 2 and "CAMEO root" in r.output


def test_code_stdin_json_and_explain() -> None:
    r = CliRunner().invoke(cli, ["code", "-", "--published", "2024-10-07", "--format", "json"],
                           input=TEXT)
    assert r.exit_code == 0, r.output
    evs = json.loads(r.output)
    crit = next(e for e in evs if e["cameo"].startswith("11"))
    assert crit["source"][0]["code"] == "IDN" and crit["evidence"]["sentence_text"]
    r = CliRunner().invoke(cli, ["code", "-", "--explain"], input=TEXT)
    assert "entry" in r.output


def test_code_sentences_and_evaluate(tmp_path) -> None:
    gold = tmp_path / "g.jsonl"
    gold.write_text(json.dumps({
        "id": "s1", "text": "Pemerintah Indonesia mengecam Israel.", "published": "2024-10-07",
        "events": [{"source": [{"code": "IDN"}], "target": [{"code": "ISR"}], "cameo": "111"}]}) + "\n",
        encoding="utf-8")
    out = tmp_path / "p.jsonl"
    r = CliRunner().invoke(cli, ["code", "--sentences", str(gold), "--out", str(out)])
    assert r.exit_code == 0, r.output
    pred = json.loads(out.read_text(encoding="utf-8"))
    assert pred["id"] == "s1" and pred["events"][0]["cameo"] == "111"
    r = CliRunner().invoke(cli, ["evaluate", str(gold), "--pred", str(out), "--format", "json"])
    assert json.loads(r.output)["scores"]["root"]["f1"] == 1.0
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{oops\n", encoding="utf-8")
    r = CliRunner().invoke(cli, ["evaluate", str(bad)])
    assert r.exit_code == 2 and "line 1" in r.output


def test_actors_command() -> None:
    r = CliRunner().invoke(cli, ["actors", "Presiden Tiongkok Xi Jinping tiba di Moskow.",
                                 "--date", "2024-10-02", "--format", "json"])
    rows = json.loads(r.output)
    assert rows[0]["code"] == "CHN" and rows[0]["role"] == "GOV"
