"""The Warta dashboard and REST API (``warta serve``).

Every route serves HTML to browsers and JSON to programs, datasette-style: append ``.json`` to
the path, send ``Accept: application/json``, or add ``format=json``.  The store is opened
read-only; all data access goes through :class:`warta.web.queries.WebQueries`.
All scripts, styles and the Swagger UI at ``/docs`` are served by the app itself (no CDN).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import parse_qsl, urlencode

import yaml
from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.routing import APIRoute
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Receive, Scope, Send

from warta.filters import EventFilter, FilterError
from warta.web.queries import BY_VALUES, WebQueries, strip_html

HERE = Path(__file__).resolve().parent
STATIC = HERE / "static"
TEMPLATES = HERE / "templates"
I18N = HERE / "i18n.yaml"

NAV: tuple[tuple[str, str], ...] = (
    ("overview", "/"),
    ("events", "/events"),
    ("dyad", "/dyad"),
    ("network", "/network"),
    ("map", "/map"),
    ("actors", "/actors"),
    ("articles", "/articles"),
)

# --- shared parameter types (documented in OpenAPI) ------------------------------------------
DatePattern = r"^\d{4}(-\d{2}(-\d{2})?)?$"
Limit = Annotated[int, Query(ge=1, le=1000, description="page size (1–1000)")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="rows to skip")]
Since = Annotated[
    str | None, Query(pattern=DatePattern, description="earliest event date: YYYY, YYYY-MM or YYYY-MM-DD")
]
Until = Annotated[
    str | None, Query(pattern=DatePattern, description="latest event date: YYYY, YYYY-MM or YYYY-MM-DD")
]
ActorP = Annotated[
    str | None,
    Query(max_length=40, pattern=r"^[A-Za-z0-9:_\-]+$", description="actor code (source or target), e.g. IDN"),
]
DyadP = Annotated[
    str | None,
    Query(
        max_length=81,
        pattern=r"^[A-Za-z0-9:_]+[-,~][A-Za-z0-9:_]+$",
        description="two actor codes: 'IDN-CHN' (directed, source-target) or 'IDN~CHN' / 'IDN,CHN' (either direction)",
    ),
]
CodeP = Annotated[str | None, Query(pattern=r"^\d{2,4}$", description="CAMEO code or prefix, e.g. 04 or 042")]
RootP = Annotated[str | None, Query(pattern=r"^\d{2}$", description="CAMEO root code, e.g. 19")]
QuadP = Annotated[int | None, Query(ge=1, le=4, description="quad class 1–4")]
OutletP = Annotated[str | None, Query(max_length=200, description="outlet, e.g. kompas.com")]
TextP = Annotated[str | None, Query(max_length=200, description="text search in the evidence sentence")]
Format = Annotated[str | None, Query(pattern=r"^(html|json)$", description="html or json")]
Lang = Annotated[str | None, Query(pattern=r"^[a-z]{2}$", description="label language (id, en)")]


class Labels:
    """Dashboard labels per language, loaded from ``i18n.yaml``."""

    def __init__(self, path: Path = I18N) -> None:
        with open(path, encoding="utf-8") as f:
            raw = yaml.safe_load(f)
        self.languages: dict[str, str] = dict(raw["languages"])
        self.default: str = str(raw["default"])
        self.table: dict[str, dict[str, str]] = {}
        for key, per_lang in raw["labels"].items():
            for lang, text in per_lang.items():
                self.table.setdefault(lang, {})[key] = str(text)

    def for_lang(self, lang: str) -> dict[str, str]:
        base = dict(self.table.get(self.default, {}))
        base.update(self.table.get(lang, {}))
        return base


class _DropEmptyParams:
    """ASGI middleware: HTML forms send ``quad=`` for "any"; treat empty values as absent."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope.get("query_string"):
            pairs = parse_qsl(scope["query_string"].decode("latin-1"), keep_blank_values=True)
            kept = [(k, v) for k, v in pairs if v.strip() != ""]
            if len(kept) != len(pairs):
                scope = dict(scope)
                scope["query_string"] = urlencode(kept).encode("latin-1")
        await self.app(scope, receive, send)


def wants_json(request: Request) -> bool:
    if request.url.path.endswith(".json"):
        return True
    fmt = request.query_params.get("format")
    if fmt:
        return fmt == "json"
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


def _event_filter(**loose: Any) -> EventFilter:
    """The shared :class:`~warta.filters.EventFilter` from query parameters (``None`` = not
    given); a value it rejects (``since=2024-02-30``, ``since`` after ``until``) is a 400."""
    try:
        return EventFilter.of(**{k: v for k, v in loose.items() if v is not None})
    except FilterError as exc:
        raise HTTPException(400, f"invalid parameter {exc}") from None


def create_app(db_path: str | Path) -> FastAPI:
    """Build the dashboard + API app over the store at ``db_path`` (opened read-only)."""
    db_path = Path(db_path)
    if not db_path.exists():
        raise FileNotFoundError(f"no Warta database at {db_path}")
    queries = WebQueries.open(db_path)
    labels = Labels()
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=select_autoescape(["html"]))
    import swagger_ui_bundle  # type: ignore[import-untyped]

    allowed: dict[Any, frozenset[str]] = {}  # endpoint → its query parameters (filled below)

    def known_params_only(request: Request) -> None:
        """400 for a query parameter the route does not take (a typo would otherwise be
        silently ignored and the user would get unfiltered data)."""
        names = allowed.get(request.scope.get("endpoint"))
        if names is None:
            return
        unknown = sorted(set(request.query_params) - names)
        if unknown:
            raise HTTPException(400, f"unknown parameter{'s' if len(unknown) > 1 else ''} "
                                f"{', '.join(repr(u) for u in unknown)} for {request.url.path}; "
                                f"accepted: {', '.join(sorted(names))}")

    def check_actor(code: str | None, name: str) -> str | None:
        if code is None:
            return None
        code = code.upper()
        if not queries.is_actor(code):
            raise HTTPException(400, f"unknown actor code {code!r} for '{name}': no such actor in "
                                "this store (see /actors)")
        return code

    def check_filter(f: EventFilter) -> EventFilter:
        """400 for actor codes this store has never seen and CAMEO codes that do not exist
        (the filter itself only checks their shape)."""
        for code in f.actor:
            check_actor(code, "actor")
        for code in f.dyad or ():
            check_actor(code, "dyad")
        for code in f.code:
            if not queries.is_cameo_prefix(code):
                raise HTTPException(400, f"unknown CAMEO code {code!r} for 'code' (a code or "
                                    "prefix such as 04, 042)")
        return f

    app = FastAPI(
        title="Warta",
        description="Political event data (CAMEO/PLOVER) from Indonesian news. Every route also "
        "serves HTML; append `.json` or send `Accept: application/json` for JSON.",
        version="1",
        docs_url=None,
        redoc_url=None,
        dependencies=[Depends(known_params_only)],
    )
    app.state.queries = queries
    app.state.labels = labels
    app.add_middleware(_DropEmptyParams)
    app.mount("/static/swagger", StaticFiles(directory=swagger_ui_bundle.swagger_ui_path), name="swagger")
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")

    def pick_lang(request: Request) -> str:
        lang = request.query_params.get("lang") or request.cookies.get("warta_lang") or labels.default
        return lang if lang in labels.languages else labels.default

    def respond(
        request: Request,
        template: str,
        data: Any,
        active: str | None = None,
        status: int = 200,
        **extra: Any,
    ) -> Response:
        if wants_json(request):
            return JSONResponse(strip_html(data), status_code=status)
        lang = pick_lang(request)
        lab = labels.for_lang(lang)

        def with_params(**changes: Any) -> str:
            params = dict(request.query_params)
            for k, v in changes.items():
                if v is None:
                    params.pop(k, None)
                else:
                    params[k] = str(v)
            qs = urlencode(params)
            return request.url.path + ("?" + qs if qs else "")

        path = request.url.path.rstrip("/") or "/index"
        qs = urlencode({k: v for k, v in request.query_params.items() if k not in ("lang", "format")})
        html = env.get_template(template).render(
            data=data,
            params=request.query_params,
            lang=lang,
            languages=list(labels.languages),
            t=lambda key: lab.get(key, key),
            labels_json=json.dumps(lab, ensure_ascii=False).replace("</", "<\\/"),
            static=lambda p: f"/static/{p}",
            nav=NAV,
            active=active,
            with_params=with_params,
            json_url=path + ".json" + ("?" + qs if qs else ""),
            **extra,
        )
        resp = HTMLResponse(html, status_code=status)
        if request.query_params.get("lang") in labels.languages:
            resp.set_cookie("warta_lang", lang, max_age=365 * 86400, samesite="lax")
        return resp

    def error(request: Request, status: int, message: str, detail: Any = None) -> Response:
        body: dict[str, Any] = {"error": message, "status": status}
        if detail is not None:
            body["detail"] = detail
        try:
            return respond(request, "error.html", body, status=status, code=status, message=message)
        except Exception:  # the error page itself must never turn a 4xx into a 500
            return JSONResponse(body, status_code=status)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        problems = []
        for e in exc.errors():
            loc = ".".join(str(p) for p in e.get("loc", ()) if p not in ("query", "path"))
            problems.append(f"{loc}: {e.get('msg')}")
        message = "invalid parameter " + "; ".join(problems)
        detail = [{"param": ".".join(str(p) for p in e.get("loc", ())[1:]), "message": e.get("msg"),
                   "input": e.get("input")} for e in exc.errors()]
        return error(request, 400, message, json.loads(json.dumps(detail, default=str)))

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
        return error(request, exc.status_code, str(exc.detail))

    # --- docs (local Swagger UI) -----------------------------------------------------------
    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url="/openapi.json",
            title="Warta API",
            swagger_js_url="/static/swagger/swagger-ui-bundle.js",
            swagger_css_url="/static/swagger/swagger-ui.css",
            swagger_favicon_url="/static/swagger/favicon-32x32.png",
        )

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return RedirectResponse("/static/favicon.svg", status_code=308)

    @app.get("/lang/{code}", include_in_schema=False)
    def set_lang(code: str, request: Request) -> Response:
        if code not in labels.languages:
            raise HTTPException(404, f"unknown language {code!r}; known: {', '.join(labels.languages)}")
        back = request.headers.get("referer") or "/"
        resp = RedirectResponse(back if back.startswith(str(request.base_url)) else "/", status_code=303)
        resp.set_cookie("warta_lang", code, max_age=365 * 86400, samesite="lax")
        return resp

    # --- pages + API ------------------------------------------------------------------------
    @app.get("/", summary="Overview: counts, top actors and dyads, latest events")
    @app.get("/index.json", include_in_schema=False)
    def overview(request: Request, format: Format = None, lang: Lang = None) -> Response:
        return respond(request, "overview.html", queries.overview(), active="overview")

    @app.get("/events.json", include_in_schema=False)
    @app.get("/events", summary="Events, filtered and paginated")
    def events(
        request: Request,
        actor: ActorP = None,
        dyad: DyadP = None,
        code: CodeP = None,
        root: RootP = None,
        quad: QuadP = None,
        since: Since = None,
        until: Until = None,
        outlet: OutletP = None,
        q: TextP = None,
        limit: Limit = 50,
        offset: Offset = 0,
        format: Format = None,
        lang: Lang = None,
    ) -> Response:
        f = check_filter(_event_filter(actor=actor, dyad=dyad, code=code, root=root, quad=quad,
                                       since=since, until=until, outlet=outlet, q=q))
        return respond(request, "events.html", queries.events(f, limit=limit, offset=offset), active="events")

    @app.get("/events/{event_id}", summary="One event with all its mentions and evidence")
    @app.get("/events/{event_id}.json", include_in_schema=False)
    def event(request: Request, event_id: str, format: Format = None, lang: Lang = None) -> Response:
        data = queries.event(event_id)
        if data is None:
            raise HTTPException(404, f"no event with id {event_id!r}")
        return respond(request, "event.html", data, active="events")

    @app.get("/actors.json", include_in_schema=False)
    @app.get("/actors", summary="Actors with event and mention counts")
    def actors(
        request: Request,
        q: Annotated[str | None, Query(max_length=100, description="code or name contains")] = None,
        limit: Limit = 100,
        offset: Offset = 0,
        format: Format = None,
        lang: Lang = None,
    ) -> Response:
        return respond(request, "actors.html", queries.actors(q=q, limit=limit, offset=offset), active="actors")

    @app.get("/dyad.json", include_in_schema=False)
    @app.get("/dyad", summary="Dyad explorer: events per quad class and mean Goldstein over time")
    def dyad(
        request: Request,
        a: ActorP = None,
        b: ActorP = None,
        by: Annotated[str, Query(pattern="^(" + "|".join(BY_VALUES) + ")$", description="period")] = "month",
        since: Since = None,
        until: Until = None,
        directed: Annotated[bool, Query(description="only a→b (default: both directions)")] = False,
        limit: Limit = 50,
        offset: Offset = 0,
        format: Format = None,
        lang: Lang = None,
    ) -> Response:
        f = _event_filter(since=since, until=until)
        if (a is None) != (b is None):
            raise HTTPException(400, "give both actors 'a' and 'b' (or neither)")
        a, b = check_actor(a, "a"), check_actor(b, "b")
        data = queries.dyad(a, b, by=by, since=f.since, until=f.until, directed=directed,
                            limit=limit, offset=offset)
        series_json = json.dumps(data.get("chart", {}))
        return respond(request, "dyad.html", data, active="dyad", series_json=series_json,
                       actor_options=queries.actor_options())

    @app.get("/network.json", include_in_schema=False)
    @app.get("/network", summary="Actor network: edges weighted by cooperation/conflict")
    def network(
        request: Request,
        since: Since = None,
        until: Until = None,
        min_events: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
        max_nodes: Annotated[int, Query(ge=2, le=500)] = 60,
        format: Format = None,
        lang: Lang = None,
    ) -> Response:
        f = _event_filter(since=since, until=until)
        data = queries.network(f, min_events=min_events, max_nodes=max_nodes)
        return respond(request, "network.html", data, active="network",
                       data_json=json.dumps(data).replace("</", "<\\/"))

    @app.get("/map.json", include_in_schema=False)
    @app.get("/map", summary="Event locations (points aggregated by place)")
    def event_map(
        request: Request,
        actor: ActorP = None,
        quad: QuadP = None,
        since: Since = None,
        until: Until = None,
        format: Format = None,
        lang: Lang = None,
    ) -> Response:
        f = check_filter(_event_filter(actor=actor, quad=quad, since=since, until=until))
        data = queries.places(f)
        return respond(request, "map.html", data, active="map",
                       data_json=json.dumps(data).replace("</", "<\\/"))

    @app.get("/articles.json", include_in_schema=False)
    @app.get("/articles", summary="Articles, filtered and paginated")
    def articles(
        request: Request,
        outlet: OutletP = None,
        since: Since = None,
        until: Until = None,
        q: TextP = None,
        limit: Limit = 50,
        offset: Offset = 0,
        format: Format = None,
        lang: Lang = None,
    ) -> Response:
        f = _event_filter(since=since, until=until)
        data = queries.articles(outlet=outlet, since=f.since, until=f.until, q=q, limit=limit, offset=offset)
        return respond(request, "articles.html", data, active="articles")

    @app.get("/articles/{article_id}", summary="One article with its coded sentences and events")
    @app.get("/articles/{article_id}.json", include_in_schema=False)
    def article(request: Request, article_id: str, format: Format = None, lang: Lang = None) -> Response:
        data = queries.article(article_id)
        if data is None:
            raise HTTPException(404, f"no article with id {article_id!r}")
        return respond(request, "article.html", data, active="articles")

    for route in app.routes:
        if isinstance(route, APIRoute):
            allowed[route.endpoint] = frozenset(p.alias for p in route.dependant.query_params)
    return app


def serve(db_path: str | Path, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Run the dashboard with uvicorn (blocks until stopped)."""
    import uvicorn

    uvicorn.run(create_app(db_path), host=host, port=port, log_level="info")
