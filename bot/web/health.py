"""`/healthz`, `/readyz` and `/metrics` on the bot's own web server, for a load balancer, a container
runtime and Prometheus.

`/healthz` never touches the database: a process that answers is alive, and restarting it would not
bring a database back. `/readyz` says whether this worker should get traffic: the database answers
within a short timeout, its schema is the code's, and every channel it runs has started. The outbox's
backlog and whether this worker leads the scheduler are reported, not required: a worker that does not
lead still serves webhooks, and a backlog is for an alert, not for taking a worker out of rotation.
"""

from __future__ import annotations

from typing import Any

from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from bot.app import App
from bot.logs import redact
from bot.version import package_version
from bot.web.screen import APP_KEY
from scheduler import metrics
from storage import health

JSON_HEADERS = {"Cache-Control": "no-store"}


def add_health_routes(web_app: web.Application) -> None:
    web_app.router.add_get("/healthz", _healthz)
    web_app.router.add_get("/readyz", _readyz)
    web_app.router.add_get("/metrics", _metrics)


async def _healthz(request: web.Request) -> web.Response:
    return web.json_response({"status": "ok", "version": package_version()}, headers=JSON_HEADERS)


async def readiness(app: App) -> tuple[bool, dict[str, Any]]:
    """(ready, the JSON body of /readyz); also refreshes the gauges it measured."""
    checked = await health.check(app.engine, app.clock.now())
    reasons: list[str] = []
    body: dict[str, Any] = {"version": package_version(), "leader": app.leader,
                            "channels": dict(app.channels_started)}
    if checked.error is not None:
        reasons.append(f"database unreachable: {checked.error}")
    body["database"] = {"reachable": checked.error is None}
    if checked.migrations is not None:
        m = checked.migrations
        body["migrations"] = {"current": m.current, "database": m.database, "code": m.code}
        if not m.current:
            reasons.append(f"migrations not current: database at {m.database or 'none'}, code at {m.code} "
                           "(run `thidua migrate`)")
    if checked.outbox is not None:
        body["outbox"] = {"backlog": checked.outbox.backlog, "oldest_seconds": round(checked.outbox.oldest_seconds, 1)}
        metrics.OUTBOX_BACKLOG.set(checked.outbox.backlog)
        metrics.OUTBOX_OLDEST_SECONDS.set(checked.outbox.oldest_seconds)
    if checked.inbox_backlog is not None:
        body["inbox"] = {"backlog": checked.inbox_backlog}
        metrics.INBOX_BACKLOG.set(checked.inbox_backlog)
    reasons += [f"channel {name} not started" for name, started in app.channels_started.items() if not started]
    metrics.LEADER.set(1 if app.leader else 0)
    body["ready"] = not reasons
    body["reasons"] = [redact(reason, app.settings) for reason in reasons]
    return not reasons, body


async def _readyz(request: web.Request) -> web.Response:
    ready, body = await readiness(request.app[APP_KEY])
    return web.json_response(body, status=200 if ready else 503, headers=JSON_HEADERS)


async def _metrics(request: web.Request) -> web.Response:
    await readiness(request.app[APP_KEY])  # the database gauges are measured at scrape time
    return web.Response(body=generate_latest(metrics.REGISTRY), headers={"Content-Type": CONTENT_TYPE_LATEST})
