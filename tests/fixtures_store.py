"""Hand-built coded articles for the store / dedup / export / API tests (no coder needed).

``corpus()`` returns a small, realistic corpus:

* a Xi–Putin telephone call (CAMEO 040 Consult, CHN→RUS) reported by three outlets (Kompas,
  Detik, Antara) with different wording; Antara only says "awal Oktober 2024" (month precision),
  which is compatible with the other outlets' 2 October 2024;
* a syndicated copy of the Antara story on a fourth site (Warta Sampel), boilerplate changed;
* Indonesia and Australia signing a defence agreement (057, IDN→AUS) in Canberra;
* Israel's military attacking Gaza (190, ISRMIL→PSE), and Indonesia condemning it (111);
* a negated (mode) threat: "Rusia tidak akan menyerang" (CHN/RUS, different mode).

Offsets are computed from the text, so every evidence span points into ``Article.text``.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from warta.codebook import Codebook
from warta.model import (
    ActorMention,
    Article,
    CodedArticle,
    Event,
    EventDate,
    Evidence,
    Place,
    Sentence,
    Skip,
)

_SENT = re.compile(r"[^.!?]+[.!?]+")


@dataclass
class Ev:
    """A hand-written event: which sentence, who (text, code, role) did what to whom."""

    sentence: int
    source: tuple[str, str, str | None]
    target: tuple[str, str, str | None]
    cameo: str
    trigger: str
    mode: str = "asserted"
    date: tuple[str, str] | None = None  # (value, precision)
    place: Place | None = None
    confidence: float = 0.8
    extra: dict[str, str] = field(default_factory=dict)


def split_sentences(text: str) -> list[Sentence]:
    out = []
    for i, m in enumerate(_SENT.finditer(text)):
        start = m.start() + (len(m.group()) - len(m.group().lstrip()))
        out.append(Sentence(index=i, start=start, end=m.end(), text=text[start : m.end()]))
    return out


def _mention(text: str, sent: Sentence, spec: tuple[str, str, str | None]) -> ActorMention:
    surface, code, role = spec
    off = sent.text.find(surface)
    if off < 0:
        raise ValueError(f"{surface!r} not in sentence {sent.text!r}")
    start = sent.start + off
    return ActorMention(text=surface, start=start, end=start + len(surface), code=code, role=role,
                        name=surface.upper())


def make_article(
    aid: str | None,
    outlet: str,
    published: str,
    text: str,
    events: list[Ev],
    *,
    title: str | None = None,
    url: str | None = None,
    ingested: str = "2024-10-03T08:00:00",
    codebook: Codebook | None = None,
) -> CodedArticle:
    codebook = codebook or Codebook.load()
    if aid is None:
        aid = hashlib.sha1(text.encode()).hexdigest()[:16]
    sents = split_sentences(text)
    evs: list[Event] = []
    actors: list[ActorMention] = []
    for e in events:
        s = sents[e.sentence]
        src = _mention(text, s, e.source)
        tgt = _mention(text, s, e.target)
        actors += [src, tgt]
        t_off = s.text.find(e.trigger)
        if t_off < 0:
            raise ValueError(f"trigger {e.trigger!r} not in {s.text!r}")
        entry = codebook.get(e.cameo)
        evs.append(
            Event(
                source=[src],
                target=[tgt],
                cameo=e.cameo,
                root=entry.root,
                quad_class=entry.quad_class,
                goldstein=entry.goldstein,
                plover=entry.plover,
                mode=e.mode,
                trigger=e.trigger,
                evidence=Evidence(
                    article_id=aid,
                    sentence_index=s.index,
                    sentence_text=s.text,
                    sentence_start=s.start,
                    sentence_end=s.end,
                    trigger_start=s.start + t_off,
                    trigger_end=s.start + t_off + len(e.trigger),
                ),
                date=(EventDate(value=e.date[0], precision=e.date[1], source="sentence")  # type: ignore[arg-type]
                      if e.date else EventDate(value=published[:10], precision="day",
                                               source="published")),
                place=e.place,
                confidence=e.confidence,
                explanation={"rule": "fixture", **e.extra},
            )
        )
    art = Article(
        id=aid,
        text=text,
        title=title or text.split(".")[0][:80],
        url=url or f"https://{outlet}/read/{aid}",
        outlet=outlet,
        published=published,
        published_source="field",
        ingested=ingested,
    )
    return CodedArticle(article=art, sentences=sents, actors=actors, dates=[], places=[p for p in
                        (e.place for e in events) if p], events=evs)


XI = ("Xi Jinping", "CHN", "GOV")
PUTIN = ("Vladimir Putin", "RUS", "GOV")
CANBERRA = Place(name="Canberra", country="AUS", admin1="01", lat=-35.28, lon=149.13, geo_type=4,
                 feature_id="2172517", text="Canberra")
GAZA = Place(name="Gaza", country="PSE", admin1=None, lat=31.5, lon=34.47, geo_type=4,
             feature_id="281133", text="Gaza")

KOMPAS_XI = (
    "Presiden China Xi Jinping berbicara melalui telepon dengan Presiden Rusia Vladimir Putin "
    "pada Rabu (2/10/2024). Kedua pemimpin membahas situasi di Ukraina dan kerja sama ekonomi "
    "kedua negara. Menurut kantor berita Xinhua, percakapan berlangsung hampir satu jam. "
    "Beijing menegaskan dukungan bagi penyelesaian damai melalui dialog. "
    "Kremlin menyebut pembicaraan itu konstruktif dan bersahabat."
)
DETIK_XI = (
    "Xi Jinping menelepon Vladimir Putin pada Rabu, 2 Oktober 2024, untuk membahas perang di "
    "Ukraina. Dalam percakapan itu kedua kepala negara sepakat memperluas perdagangan. "
    "Juru bicara Kremlin Dmitry Peskov mengatakan pembicaraan berlangsung hangat. "
    "China sebelumnya menolak mengecam invasi Rusia ke Ukraina."
)
ANTARA_XI = (
    "Presiden Xi Jinping melakukan pembicaraan telepon dengan Vladimir Putin pada awal Oktober "
    "2024, lapor kantor berita resmi Xinhua. Keduanya membahas hubungan bilateral yang disebut "
    "berada pada titik tertinggi dalam sejarah. Xi menyerukan gencatan senjata dan perundingan "
    "damai di Ukraina. Putin berterima kasih atas sikap seimbang China. "
    "Pembicaraan itu merupakan yang ketiga tahun ini."
)
RI_AUS = (
    "Menteri Pertahanan Prabowo Subianto dan Menteri Pertahanan Australia Richard Marles "
    "menandatangani perjanjian kerja sama pertahanan di Canberra pada Kamis (29/8/2024). "
    "Perjanjian itu mengatur latihan bersama dan pertukaran perwira. "
    "Marles menyebut Indonesia mitra strategis yang sangat penting bagi Australia."
)
GAZA_TXT = (
    "Militer Israel menyerang kamp pengungsi di Gaza pada Selasa (1/10/2024) dan menewaskan "
    "sedikitnya 20 orang. Pemerintah Indonesia mengecam keras serangan Israel tersebut. "
    "Kementerian Luar Negeri menyerukan penghentian kekerasan terhadap warga sipil."
)
NEG_TXT = (
    "Vladimir Putin menegaskan Rusia tidak akan menyerang Xi Jinping secara verbal dalam forum itu. "
    "Pernyataan itu disampaikan di Moskow pada Jumat (4/10/2024)."
)


def corpus(codebook: Codebook | None = None) -> list[CodedArticle]:
    cb = codebook or Codebook.load()
    kompas = make_article(
        "kompas-xi", "kompas.com", "2024-10-02T21:15:00+07:00", KOMPAS_XI,
        [Ev(0, XI, PUTIN, "040", "berbicara melalui telepon", date=("2024-10-02", "day"))],
        ingested="2024-10-02T22:00:00", codebook=cb,
    )
    detik = make_article(
        "detik-xi", "detik.com", "2024-10-03T07:30:00+07:00", DETIK_XI,
        [Ev(0, XI, PUTIN, "040", "menelepon", date=("2024-10-02", "day"))],
        ingested="2024-10-03T08:00:00", codebook=cb,
    )
    antara = make_article(
        "antara-xi", "antaranews.com", "2024-10-03T10:00:00+07:00", ANTARA_XI,
        [Ev(0, XI, PUTIN, "040", "pembicaraan telepon", date=("2024-10", "month")),
         Ev(2, ("Xi", "CHN", "GOV"), ("Ukraina", "UKR", None), "030", "menyerukan",
            date=("2024-10", "month"))],
        ingested="2024-10-03T11:00:00", codebook=cb,
    )
    # syndicated copy of the Antara story: new boilerplate, last sentence dropped
    synd_text = "Jakarta (Warta Sampel) - " + ANTARA_XI.rsplit(" Pembicaraan itu", 1)[0] + (
        " Baca juga: berita terkait lainnya di Warta Sampel."
    )
    synd = make_article(
        "wartasampel-xi", "wartasampel.id", "2024-10-03T12:30:00+07:00", synd_text,
        [Ev(0, XI, PUTIN, "040", "pembicaraan telepon", date=("2024-10", "month"))],
        ingested="2024-10-03T13:00:00", codebook=cb,
    )
    riaus = make_article(
        "tempo-riaus", "tempo.co", "2024-08-29T16:00:00+07:00", RI_AUS,
        [Ev(0, ("Prabowo Subianto", "IDN", "MIL"), ("Richard Marles", "AUS", "MIL"), "057",
            "menandatangani", date=("2024-08-29", "day"), place=CANBERRA, confidence=0.9)],
        ingested="2024-08-29T17:00:00", codebook=cb,
    )
    gaza = make_article(
        "cnn-gaza", "cnnindonesia.com", "2024-10-01T20:00:00+07:00", GAZA_TXT,
        [Ev(0, ("Militer Israel", "ISR", "MIL"), ("kamp pengungsi", "PSE", "REF"), "190",
            "menyerang", date=("2024-10-01", "day"), place=GAZA),
         Ev(1, ("Pemerintah Indonesia", "IDN", "GOV"), ("Israel", "ISR", None), "111",
            "mengecam", date=("2024-10-01", "day"))],
        ingested="2024-10-01T21:00:00", codebook=cb,
    )
    neg = make_article(
        "rbc-neg", "rbc.ru.id", "2024-10-04T09:00:00+07:00", NEG_TXT,
        [Ev(0, PUTIN, XI, "190", "menyerang", mode="negated", date=("2024-10-04", "day"))],
        ingested="2024-10-04T10:00:00", codebook=cb,
    )
    return [kompas, detik, antara, synd, riaus, gaza, neg]


def skips() -> list[Skip]:
    return [Skip(source="inbox/kosong.txt", reason="empty text"),
            Skip(source="inbox/data.bin:3", reason="undecodable bytes")]


def snapshot(store) -> dict[str, list[tuple]]:  # type: ignore[no-untyped-def]
    """Every table's rows (sorted, without wall-clock columns) — to compare two databases."""
    out = {}
    for table in ("articles", "sentences", "actors", "places", "mentions", "events",
                  "duplicates", "skips", "article_minhash", "article_bands"):
        cols = [r[0] for r in store.con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = ? "
            "ORDER BY ordinal_position", [table]).fetchall() if r[0] != "added_at"]
        sel = ", ".join(f'"{c}"' for c in cols)
        out[table] = store.con.execute(f"SELECT {sel} FROM {table} ORDER BY ALL").fetchall()
    return out
