"""Coding articles: a pure function of the article and the loaded resources.

``Coder.load()`` builds the spaCy pipeline (loading all language data) once; ``Coder.code(article)``
returns a :class:`~warta.model.CodedArticle` and touches nothing else, so batches can be spread
over worker processes (``code_many(..., processes=N)``) or, later, a Dask cluster.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing as mp
from collections.abc import Iterable, Iterator
from dataclasses import replace

from spacy.language import Language

from warta.ingest import article_id
from warta.model import Article, CodedArticle
from warta.nlp import PIPELINE, build_nlp, sentences_of


class Coder:
    def __init__(self, nlp: Language, lang: str = "id"):
        self.nlp = nlp
        self.lang = lang

    @classmethod
    def load(cls, lang: str = "id") -> Coder:
        return cls(build_nlp(lang, PIPELINE), lang)

    def code(self, article: Article) -> CodedArticle:
        doc = self.nlp.make_doc(article.text)
        doc._.article = article
        for _name, proc in self.nlp.pipeline:
            doc = proc(doc)
        art = article
        ad = doc._.article_date
        if ad is not None and not article.published:
            art = replace(article, published=ad.value, published_source=ad.source)
        return CodedArticle(
            article=art,
            sentences=sentences_of(doc),
            actors=list(doc._.actors or []),
            dates=list(doc._.dates or []),
            places=list(doc._.places or []),
            events=list(doc._.events or []),
        )

    def code_text(
        self,
        text: str,
        published: str | dt.date | None = None,
        *,
        now: dt.datetime | None = None,
        article_id_: str | None = None,
    ) -> CodedArticle:
        """Code raw (already clean) text; `published` anchors relative dates."""
        pub = published.isoformat() if isinstance(published, dt.date) else published
        now = now or dt.datetime.now(dt.UTC)
        art = Article(
            id=article_id_ or article_id(text),
            text=text,
            published=pub,
            published_source="field" if pub else None,
            ingested=now.isoformat(timespec="seconds"),
        )
        return self.code(art)

    def code_many(
        self, articles: Iterable[Article], processes: int = 1, chunksize: int = 8
    ) -> Iterator[CodedArticle]:
        """Code articles in order; with processes > 1 in worker processes (each loads once)."""
        if processes <= 1:
            for a in articles:
                yield self.code(a)
            return
        ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
        with ctx.Pool(processes, initializer=_init_worker, initargs=(self.lang,)) as pool:
            yield from pool.imap(_code_in_worker, articles, chunksize=chunksize)


_WORKER: dict[str, Coder] = {}  # per-process coder, set once by the pool initializer


def _init_worker(lang: str) -> None:
    _WORKER["coder"] = Coder.load(lang)


def _code_in_worker(article: Article) -> CodedArticle:
    return _WORKER["coder"].code(article)
