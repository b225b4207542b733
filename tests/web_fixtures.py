"""Test database for the web tests: the shared store corpus, a CHN–RUS history over months and
one joint meeting ("Xi Jinping dan Vladimir Putin bertemu"), which the store turns into a CHN→RUS
and a RUS→CHN event from the same sentence."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fixtures_store import PUTIN, XI, Ev, corpus, make_article, skips  # noqa: E402

from warta.codebook import Codebook  # noqa: E402
from warta.db import Store  # noqa: E402
from warta.model import CodedArticle, Place  # noqa: E402

MOSKOW = Place(name="Moskow", country="RUS", admin1="48", lat=55.75, lon=37.62, geo_type=4,
               feature_id="524901", text="Moskow")

# (article id, published, text, cameo, trigger, place)
HISTORY: list[tuple[str, str, str, str, str, Place | None]] = [
    ("hist-jun", "2024-06-12T09:00:00+07:00",
     "Xi Jinping bertemu Vladimir Putin di Moskow pada Rabu. Keduanya membahas energi.",
     "042", "bertemu", MOSKOW),
    ("hist-jul", "2024-07-08T09:00:00+07:00",
     "Xi Jinping mengkritik Vladimir Putin soal tarif gas. Kritik itu jarang terjadi.",
     "111", "mengkritik", None),
    ("hist-aug", "2024-08-20T09:00:00+07:00",
     "Xi Jinping memuji Vladimir Putin atas kerja sama perdagangan. Pujian itu disampaikan di Beijing.",
     "051", "memuji", None),
    ("hist-sep", "2024-09-15T09:00:00+07:00",
     "Xi Jinping menandatangani perjanjian dengan Vladimir Putin di Moskow. Perjanjian itu soal energi.",
     "057", "menandatangani", MOSKOW),
]


JOINT_ID = "hist-joint"
JOINT_TEXT = ("Xi Jinping dan Vladimir Putin bertemu di Kazan pada Selasa. "
              "Pertemuan itu membahas BRICS.")
KAZAN = Place(name="Kazan", country="RUS", admin1="73", lat=55.79, lon=49.12, geo_type=4,
              feature_id="551487", text="Kazan")


def joint_article(codebook: Codebook) -> CodedArticle:
    """Xi and Putin meet: both leaders are source and target of one reciprocal mention."""
    ca = make_article(JOINT_ID, "detik.com", "2024-11-05T09:00:00+07:00", JOINT_TEXT,
                      [Ev(0, XI, PUTIN, "042", "bertemu", place=KAZAN)],
                      title="Xi dan Putin bertemu di Kazan", codebook=codebook)
    ev = ca.events[0]
    both = [ev.source[0], ev.target[0]]
    ca.events[0] = replace(ev, source=list(both), target=list(both))
    return ca


def web_corpus(codebook: Codebook | None = None) -> list[CodedArticle]:
    cb = codebook or Codebook.load()
    out = corpus(cb)
    for aid, published, text, cameo, trigger, place in HISTORY:
        out.append(make_article(aid, "kompas.com", published, text,
                                [Ev(0, XI, PUTIN, cameo, trigger, place=place)],
                                title=f"Xi dan Putin ({aid})", codebook=cb))
    out.append(joint_article(cb))
    return out


def build_db(path: Path) -> Path:
    with Store(path) as s:
        s.add_batch(web_corpus(), skips())
    return path
