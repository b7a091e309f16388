# thidua in a container: slim, non-root, with a health check on /healthz.
# Build: docker build -t thidua .   Run it with deploy/compose.yaml (PostgreSQL, migration, two workers, Caddy).
FROM python:3.11-slim-bookworm AS build
WORKDIR /src
COPY pyproject.toml README.md ./
COPY bot bot
COPY handlers handlers
COPY storage storage
COPY scheduler scheduler
COPY samples samples
RUN pip wheel --no-cache-dir --wheel-dir /wheels .

FROM python:3.11-slim-bookworm
# pg_dump/pg_restore for `thidua backup` / `restore`: Debian bookworm's client is PostgreSQL 15, the
# major version compose.yaml runs (pg_dump refuses a newer server).
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends postgresql-client \
    && rm -rf /var/lib/apt/lists/*
COPY --from=build /wheels /wheels
# hadolint ignore=DL3013
RUN pip install --no-cache-dir /wheels/*.whl && rm -rf /wheels
RUN groupadd --system --gid 10001 thidua \
    && useradd --system --uid 10001 --gid thidua --home-dir /var/lib/thidua --create-home thidua \
    && install -d -o thidua -g thidua -m 0700 /var/lib/thidua/data
COPY --chmod=0755 deploy/docker-entrypoint.sh /usr/local/bin/thidua-entrypoint
ENV PYTHONUNBUFFERED=1 \
    THIDUA_DATA_DIR=/var/lib/thidua/data \
    THIDUA_WEB_HOST=0.0.0.0 \
    THIDUA_WEB_PORT=8080 \
    THIDUA_LOG_FORMAT=json
USER 10001:10001
WORKDIR /var/lib/thidua
VOLUME ["/var/lib/thidua/data"]
EXPOSE 8080
# /healthz answers while the process lives; /readyz (database, migrations, channels) is for the proxy.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/healthz' % os.environ.get('THIDUA_WEB_PORT', '8080'), timeout=4)"]
ENTRYPOINT ["thidua-entrypoint"]
CMD ["run"]
