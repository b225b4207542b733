"""Trigger-lexicon coverage for the weakest roots (issue #3): 01 deny/pessimism, 09, 11, 12, 14.

Each row: sentence -> expected (source, target, root, mode) triples, as in tests/test_events.py.
Rows marked "not coded" show a non-event sense of a new entry's words.
"""

from __future__ import annotations

import pytest
from event_triples import mode_triples

from warta.gold import code_record
from warta.pipeline import Coder

Triple = tuple[str, str | None, str, str]

ROWS: list[tuple[str, str, set[Triple]]] = [
    # --- 11 disapprove
    ("reprimand", "Presiden Joko Widodo menegur Menteri Luar Negeri Malaysia.",
     {("IDN", "MYS", "11", "asserted")}),
    ("name-calling", "Presiden Iran menyebut Israel sebagai rezim teroris.",
     {("IRN", "ISR", "11", "asserted")}),
    ("hold-responsible", "Pemerintah Tiongkok menganggap Amerika Serikat bertanggung jawab atas krisis itu.",
     {("CHN", "USA", "11", "asserted")}),
    ("scapegoat", "Pemerintah Venezuela mengkambinghitamkan Amerika Serikat atas krisis ekonomi.",
     {("VEN", "USA", "11", "asserted")}),
    ("disagree", "Rusia tidak sependapat dengan Amerika Serikat mengenai Suriah.",
     {("RUS", "USA", "11", "asserted")}),
    # --- 01 deny with words between, pessimism
    ("deny-gap", "Rusia menolak semua tuduhan Inggris itu.",
     {("RUS", "GBR", "01", "asserted")}),
    ("deny-gap-membantah", "Menteri Luar Negeri Iran membantah semua tuduhan Amerika Serikat itu.",
     {("IRN", "USA", "01", "asserted")}),
    ("not-optimistic", "Korea Utara tidak optimistis terhadap perundingan dengan Amerika Serikat.",
     {("PRK", "USA", "01", "asserted")}),
    # --- 12 reject
    ("reject-call", "Israel menolak seruan Dewan Keamanan PBB untuk gencatan senjata.",
     {("ISR", "IGO:UN", "12", "asserted")}),
    ("shut-door-talks", "Korea Utara menutup pintu dialog dengan Korea Selatan.",
     {("PRK", "KOR", "12", "asserted")}),
    ("shut-offers-of-talks", "Presiden Perancis telah menutup semua tawaran perundingan dengan Iran.",
     {("FRA", "IRN", "12", "asserted")}),
    # --- 14 protest
    ("rally-protest", "Ribuan mahasiswa Indonesia menggelar aksi protes di depan Kedutaan Besar Amerika Serikat.",
     {("IDN", None, "14", "asserted")}),
    ("solidarity-rally", "Warga Indonesia menggelar aksi solidaritas untuk Palestina.",
     {("IDN", "PSE", "14", "asserted")}),
    # --- 15 / 07 deployments with a number or adjective before the troops
    ("deploy-numbered-troops", "AS mengirim 3.000 tentara tambahan ke Afghanistan.",
     {("USA", "AFG", "15", "asserted")}),
    ("deploy-numbered-peacekeepers", "Indonesia mengirimkan 1.000 pasukan perdamaian ke Lebanon.",
     {("IDN", "LBN", "07", "asserted")}),
    # --- 15 show of force by unveiling weapons; 17 state of emergency
    ("unveil-drones", "Iran memperkenalkan dua pesawat tak berawak yang baru.",
     {("IRN", None, "15", "asserted")}),
    ("declare-emergency", "Pemerintah Liberia menyatakan kondisi gawat darurat di seluruh negeri.",
     {("LBR", None, "17", "asserted")}),
    ("martial-law", "Presiden Pakistan memberlakukan darurat militer.",
     {("PAK", None, "17", "asserted")}),
    # --- non-event senses: not coded
    ("causative-worry", "Chavez semakin membuat khawatir Washington dengan pernyataannya.", set()),
    ("sign-domestic-law", "Presiden Bush menandatangani undang-undang anggaran pertahanan.", set()),
    ("door-literal", "Presiden Joko Widodo menutup pintu ruang kerjanya.", set()),
    ("label-product", "Mobil Jepang itu sering dicap sebagai pesaing utama.", set()),
    ("claim-responsibility", "Kelompok Abu Sayyaf menyatakan bertanggung jawab atas penculikan itu.",
     {("PHL", None, "01", "asserted"), ("PHL", None, "18", "asserted")}),
]


@pytest.mark.parametrize("name,text,expected", ROWS, ids=[r[0] for r in ROWS])
def test_coverage_row(coder: Coder, name: str, text: str, expected: set[Triple]) -> None:
    rec = {"id": name, "text": text, "published": "2015-06-01"}
    assert mode_triples(code_record(coder, rec)) == expected
