"""Read articles from files, directories and stdin; clean them; yield ``Article`` or ``Skip``.

Formats (by extension, each also as ``.gz``):

* ``.txt`` / ``.md`` — the whole file is one article;
* ``.html`` / ``.htm`` — trafilatura extracts the text and title/date/url/sitename;
* ``.jsonl`` / ``.ndjson`` — one JSON object per line;
* ``.csv`` / ``.tsv`` — header row, one article per row;
* ``.json`` — a list of objects, or one object.

Record fields: ``id`` (→ ``Article.external_id``), ``url``, ``title``, ``published``
(→ ``published`` with source ``"field"``), ``outlet``, ``text``.  ``source_path`` is ``path`` for
whole-file formats, ``path:LINE`` for JSON-lines and CSV rows (the physical line number) and
``path#N`` for the N-th object (1-based) of a ``.json`` list.  Stdin is ``"-"``; it is sniffed:
JSON lines when the first non-space byte is ``{``, HTML when it starts with ``<html``/
``<!doctype``, else plain text.

Bad input never stops a batch and is never silently lost: it becomes ``Skip(source, reason)``.
Ingestion is deterministic (sorted directory walk, one ``ingested`` timestamp per run);
duplicate ids are yielded as they come (the store deduplicates).
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import gzip
import hashlib
import io
import json
import os
import re
import stat
import sys
import unicodedata
import zlib
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import IO, Any

from warta.clean import Cleaner
from warta.lang import LangData
from warta.langid import UNDETERMINED, LanguageIdentifier
from warta.model import Article, Skip

TEXT_EXTS = frozenset({".txt", ".md"})
HTML_EXTS = frozenset({".html", ".htm"})
JSONL_EXTS = frozenset({".jsonl", ".ndjson"})
CSV_EXTS = {".csv": ",", ".tsv": "\t"}
JSON_EXTS = frozenset({".json"})
KNOWN_EXTS = tuple(sorted(TEXT_EXTS | HTML_EXTS | JSONL_EXTS | set(CSV_EXTS) | JSON_EXTS))
FIELDS = ("id", "url", "title", "published", "outlet", "text")
STDIN_NAME = "<stdin>"

_WS = re.compile(r"\s+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def normalise_for_id(text: str) -> str:
    """The form hashed by :func:`article_id`: NFKC, casefolded, whitespace collapsed."""
    return _WS.sub(" ", unicodedata.normalize("NFKC", text).casefold()).strip()


def article_id(text: str) -> str:
    """Stable article id: first 16 hex digits of the SHA-1 of the normalised cleaned text."""
    return hashlib.sha1(normalise_for_id(text).encode("utf-8")).hexdigest()[:16]


class InputError(Exception):
    """An input that cannot be read; the message becomes a ``Skip`` reason."""


@dataclass(frozen=True, slots=True)
class _Record:
    """One article-to-be before cleaning, with the metadata its container carried."""

    source: str
    text: Any
    title: Any = None
    url: Any = None
    outlet: Any = None
    published: Any = None
    external_id: Any = None
    published_source: str = "field"
    sitename: Any = None  # HTML site name: the outlet of last resort


def decode_bytes(data: bytes, latin_default: str = "cp1252") -> str:
    """Bytes → text: BOM, then strict UTF-8, then charset-normalizer.  Raises InputError.

    charset-normalizer cannot tell the single-byte Latin code pages apart on short, mostly-ASCII
    news text (it often answers cp1250 for Latin-1 "café à la"); when its guess is in Latin
    script and the bytes decode as ``latin_default`` (windows-1252, what browsers use for
    "latin-1"), that is used instead.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError(f"undecodable {encoding} text: {exc.reason}") from exc
    if b"\x00" in data:
        raise InputError("binary content (NUL bytes)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError("undecodable bytes (no text encoding fits)")
    text = str(best)
    if best.encoding != latin_default and all(
        "Latin" in a or "Punctuation" in a for a in best.alphabets
    ):
        with contextlib.suppress(UnicodeDecodeError):
            text = data.decode(latin_default)
    if len(_CONTROL.findall(text)) > max(2, len(text) // 100):
        raise InputError(f"binary content (control characters; guessed {best.encoding})")
    return text


def _str_or_none(value: Any) -> str | None:
    if value is None:
        return None
    s = str(value).strip()
    return s or None


class Ingestor:
    """Reads inputs into cleaned ``Article`` records (cleaner and language identifier built once)."""

    def __init__(
        self,
        lang: LangData,
        *,
        max_bytes: int = 5_000_000,
        languages: Collection[str] = ("id",),
        now: datetime | None = None,
        cleaner: Cleaner | None = None,
        identifier: LanguageIdentifier | None = None,
        und_max_tokens: int = 20,
    ):
        self.lang = lang
        self.cleaner = cleaner if cleaner is not None else Cleaner(lang)
        self.identifier = (
            identifier if identifier is not None else LanguageIdentifier.load(lang.root.parent)
        )
        self.max_bytes = max_bytes
        self.languages = tuple(languages)  # empty: accept every language
        self.und_max_tokens = und_max_tokens  # texts this short pass even when "und"
        when = now if now is not None else datetime.now(UTC)
        self.ingested = when.isoformat(timespec="seconds")
        self._dateparser: Any = None

    # -- entry point ----------------------------------------------------------------------

    def iter_inputs(
        self, paths: Iterable[str | Path], *, stdin: IO[bytes] | None = None
    ) -> Iterator[Article | Skip]:
        for p in paths:
            if str(p) == "-":
                stream = stdin if stdin is not None else sys.stdin.buffer
                yield from self._guard(STDIN_NAME, lambda s=stream: self._read_stdin(s))
                continue
            path = Path(p)
            if path.is_dir():
                for f in self._walk(path):
                    yield from self._guard(str(f), lambda f=f: self._read_file(f))
            elif path.exists() or path.is_symlink():
                yield from self._guard(str(path), lambda path=path: self._read_file(path))
            else:
                yield Skip(str(path), "no such file or directory")

    def _guard(self, source: str, produce: Any) -> Iterator[Article | Skip]:
        """Run one input's generator; any failure becomes a Skip instead of ending the batch."""
        try:
            yield from produce()
        except InputError as exc:
            yield Skip(source, str(exc))
        except Exception as exc:  # never let one input crash the batch
            yield Skip(source, f"internal error: {type(exc).__name__}: {exc}")

    @staticmethod
    def _walk(root: Path) -> list[Path]:
        found = []
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            for name in filenames:
                if not name.startswith("."):
                    found.append(Path(dirpath) / name)
        return sorted(found, key=lambda f: f.relative_to(root).parts)

    # -- reading --------------------------------------------------------------------------

    @staticmethod
    def split_ext(path: Path) -> tuple[str, bool]:
        """(format extension, gzipped?) for ``a.jsonl.gz`` → ``(".jsonl", True)``."""
        suffixes = [s.lower() for s in path.suffixes]
        gz = bool(suffixes) and suffixes[-1] == ".gz"
        if gz:
            suffixes = suffixes[:-1]
        return (suffixes[-1] if suffixes else ""), gz

    def _read_file(self, path: Path) -> Iterator[Article | Skip]:
        ext, gz = self.split_ext(path)
        source = str(path)
        if ext not in KNOWN_EXTS:
            shown = ext + (".gz" if gz else "") if ext else "(none)"
            yield Skip(source, f"unknown extension {shown} (known: {' '.join(KNOWN_EXTS)}, +.gz)")
            return
        data = self._read_bytes(path, gz)
        yield from self._parse(source, ext, data)

    def _read_bytes(self, path: Path, gz: bool) -> bytes:
        try:
            st = path.stat()
            if not stat.S_ISREG(st.st_mode):
                raise InputError("not a regular file")
            if not gz and st.st_size > self.max_bytes:
                raise InputError(f"too large: {st.st_size} bytes > max_bytes {self.max_bytes}")
            if gz:
                with gzip.open(path, "rb") as f:
                    data = f.read(self.max_bytes + 1)
            else:
                with open(path, "rb") as f:
                    data = f.read(self.max_bytes + 1)
        except PermissionError as exc:
            raise InputError(f"unreadable: permission denied ({exc.strerror})") from exc
        except (gzip.BadGzipFile, EOFError, zlib.error) as exc:
            raise InputError(f"corrupt gzip: {exc}") from exc
        except FileNotFoundError as exc:
            raise InputError("no such file or directory") from exc
        except OSError as exc:
            raise InputError(f"unreadable: {exc.strerror or exc}") from exc
        if len(data) > self.max_bytes:
            raise InputError(
                f"too large: more than max_bytes {self.max_bytes} bytes"
                + (" after decompression" if gz else "")
            )
        return data

    def _read_stdin(self, stream: IO[bytes]) -> Iterator[Article | Skip]:
        data = stream.read(self.max_bytes + 1)
        if len(data) > self.max_bytes:
            raise InputError(f"too large: more than max_bytes {self.max_bytes} bytes")
        head = data.lstrip()[:15].lower()
        if head.startswith(b"{"):
            ext = ".jsonl"
        elif head.startswith((b"<!doctype", b"<html")):
            ext = ".html"
        else:
            ext = ".txt"
        yield from self._parse(STDIN_NAME, ext, data)

    def _parse(self, source: str, ext: str, data: bytes) -> Iterator[Article | Skip]:
        if not data.strip():
            raise InputError("empty or whitespace-only")
        text = decode_bytes(data)
        if not text.strip():
            raise InputError("empty or whitespace-only")
        if ext in TEXT_EXTS:
            records: Iterable[_Record | Skip] = [_Record(source, text)]
        elif ext in HTML_EXTS:
            records = [self._html_record(source, text)]
        elif ext in JSONL_EXTS:
            records = self._jsonl_records(source, text)
        elif ext in CSV_EXTS:
            records = self._csv_records(source, text, CSV_EXTS[ext])
        else:
            records = self._json_records(source, text)
        for rec in records:
            yield rec if isinstance(rec, Skip) else self.make_article(rec)

    # -- formats --------------------------------------------------------------------------

    def _html_record(self, source: str, html: str) -> _Record:
        import trafilatura

        doc = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
        meta = doc.as_dict() if doc is not None and hasattr(doc, "as_dict") else (doc or {})
        text = meta.get("text") or ""
        if not str(text).strip():
            raise InputError("HTML with no extractable text")
        title = _str_or_none(meta.get("title"))
        lines = str(text).split("\n")
        if title and lines and lines[0].strip().casefold() == title.casefold():
            text = "\n".join(lines[1:])  # trafilatura repeats the <h1> title as the first line
        return _Record(
            source,
            text,
            title=title,
            url=meta.get("url"),
            sitename=meta.get("sitename"),
            published=meta.get("date"),
            published_source="html",
        )

    def _fields(self, source: str, obj: dict[str, Any]) -> _Record:
        return _Record(
            source,
            obj.get("text"),
            title=obj.get("title"),
            url=obj.get("url"),
            outlet=obj.get("outlet"),
            published=obj.get("published"),
            external_id=obj.get("id"),
        )

    def _jsonl_records(self, source: str, text: str) -> Iterator[_Record | Skip]:
        for n, line in enumerate(text.split("\n"), start=1):
            if not line.strip():
                continue
            where = f"{source}:{n}"
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                yield Skip(where, f"malformed JSON on line {n}: {exc.msg} (column {exc.colno})")
                continue
            if not isinstance(obj, dict):
                yield Skip(where, f"JSON line {n} is a {type(obj).__name__}, not an object")
                continue
            yield self._fields(where, obj)

    def _json_records(self, source: str, text: str) -> Iterator[_Record | Skip]:
        try:
            obj = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(f"malformed JSON: {exc.msg} (line {exc.lineno})") from exc
        if isinstance(obj, dict):
            yield self._fields(source, obj)
        elif isinstance(obj, list):
            for i, item in enumerate(obj, start=1):
                where = f"{source}#{i}"
                if isinstance(item, dict):
                    yield self._fields(where, item)
                else:
                    yield Skip(where, f"JSON item {i} is a {type(item).__name__}, not an object")
        else:
            raise InputError(f"JSON top level is a {type(obj).__name__}, not a list or object")

    def _csv_records(self, source: str, text: str, delimiter: str) -> Iterator[_Record | Skip]:
        reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
        try:
            header = reader.fieldnames
            if not header or "text" not in [h.strip() for h in header]:
                raise InputError(f"header row has no 'text' column (columns: {header})")
            for row in reader:
                where = f"{source}:{reader.line_num}"
                clean_row = {(k or "").strip(): v for k, v in row.items() if k is not None}
                if not _str_or_none(clean_row.get("text")):
                    yield Skip(where, f"row on line {reader.line_num} is missing text")
                    continue
                yield self._fields(where, clean_row)
        except csv.Error as exc:
            yield Skip(f"{source}:{reader.line_num}", f"malformed CSV: {exc}")

    # -- articles -------------------------------------------------------------------------

    def make_article(self, rec: _Record) -> Article | Skip:
        """Clean one record's text and build the Article (or the Skip saying why not)."""
        if not isinstance(rec.text, str) or not rec.text.strip():
            what = (
                "missing"
                if rec.text is None
                else f"empty or not a string ({type(rec.text).__name__})"
            )
            return Skip(rec.source, f"text field {what}")
        cleaned = self.cleaner.clean(rec.text)
        if not cleaned.text.strip():
            return Skip(rec.source, "nothing left after cleaning (boilerplate only)")
        language, refusal = self._language(cleaned.text)
        if refusal:
            return Skip(rec.source, refusal)
        published = self.normalise_published(rec.published)
        return Article(
            id=article_id(cleaned.text),
            text=cleaned.text,
            title=_str_or_none(rec.title),
            url=_str_or_none(rec.url),
            outlet=_str_or_none(rec.outlet) or cleaned.outlet or _str_or_none(rec.sitename),
            published=published,
            published_source=rec.published_source if published else None,
            dateline_place=cleaned.dateline_place,
            source_path=rec.source,
            external_id=_str_or_none(rec.external_id),
            ingested=self.ingested,
            language=language,
            raw_text=rec.text,
        )

    def _language(self, text: str) -> tuple[str, str | None]:
        """(language code for the Article, refusal reason or None)."""
        code, confidence = self.identifier.detect(text)
        if not self.languages or code in self.languages:
            return code, None
        wanted = ", ".join(self.languages)
        if code == UNDETERMINED:
            tokens, _ = self.identifier.scores(text)
            if tokens <= self.und_max_tokens:
                return self.languages[0], None  # too short to judge: let it through
            return code, f"not in accepted languages ({wanted}): language not identified (und)"
        return code, (
            f"not in accepted languages ({wanted}): detected {code} (confidence {confidence:.2f})"
        )

    def normalise_published(self, value: Any) -> str | None:
        """An input date → ISO date/datetime string, or None when it cannot be read."""
        if value is None or value == "":
            return None
        if isinstance(value, bool):
            return None
        if isinstance(value, int | float):
            try:
                return datetime.fromtimestamp(value, UTC).isoformat(timespec="seconds")
            except (OverflowError, OSError, ValueError):
                return None
        s = str(value).strip()
        try:
            if len(s) == 10:
                return date.fromisoformat(s).isoformat()
            return datetime.fromisoformat(s).isoformat()
        except ValueError:
            pass
        if self._dateparser is None:
            import dateparser

            self._dateparser = dateparser
        try:
            parsed = self._dateparser.parse(
                s, languages=["id", "en"], settings={"DATE_ORDER": "DMY"}
            )
        except Exception:  # dateparser raises assorted errors on odd input
            return None
        if parsed is None:
            return None
        if ":" not in s:
            return str(parsed.date().isoformat())
        return str(parsed.isoformat())


def iter_inputs(
    paths: Iterable[str | Path],
    lang: LangData,
    *,
    stdin: IO[bytes] | None = None,
    max_bytes: int = 5_000_000,
    languages: Collection[str] = ("id",),
    now: datetime | None = None,
) -> Iterator[Article | Skip]:
    """Yield an ``Article`` or a ``Skip`` for every input (see the module docstring)."""
    ingestor = Ingestor(lang, max_bytes=max_bytes, languages=languages, now=now)
    yield from ingestor.iter_inputs(paths, stdin=stdin)
