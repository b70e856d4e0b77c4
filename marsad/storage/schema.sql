-- marsad store, schema version 1 (SQLite 3.35+; see docs/store.md).
--
-- Conventions
--   * Every span is stored as three columns <name>_start, <name>_end, <name>_text (or
--     plain start/end/text for a table's main span). Offsets are Python code-point offsets
--     into documents.text, start inclusive, end exclusive:
--         substr(documents.text, start + 1, end - start) = text
--   * A document is keyed by documents.hash = sha256 of its UTF-8 text (hex). The same text
--     ingested twice is stored once; the first record seen keeps its metadata.
--   * Child rows cascade: deleting a document deletes everything extracted from it.
--   * Booleans are INTEGER 0/1. Dates are ISO 'YYYY-MM-DD' TEXT. JSON columns hold UTF-8 JSON.
--   * idx columns give the record's position in the document's JSON output
--     (documents.result), so a row maps back to result["events"][idx] etc.

PRAGMA foreign_keys = ON;

-- Applied schema versions (also mirrored in PRAGMA user_version).
CREATE TABLE IF NOT EXISTS schema_migrations (
    version     INTEGER PRIMARY KEY,
    description TEXT    NOT NULL,
    applied_at  TEXT    NOT NULL               -- ISO timestamp (UTC)
);

-- One row per `marsad ingest` invocation.
CREATE TABLE IF NOT EXISTS runs (
    id             INTEGER PRIMARY KEY,
    started_at     TEXT    NOT NULL,
    finished_at    TEXT,                        -- NULL while running or when killed
    status         TEXT    NOT NULL DEFAULT 'running',  -- running, done, interrupted
    marsad_version TEXT    NOT NULL,
    extractor      TEXT    NOT NULL,            -- pipeline signature, see documents.extractor
    command        TEXT,                        -- JSON: inputs and options
    engine         TEXT    NOT NULL DEFAULT 'local',    -- local, process, dask
    workers        INTEGER NOT NULL DEFAULT 1,
    seen           INTEGER NOT NULL DEFAULT 0,  -- records read
    added          INTEGER NOT NULL DEFAULT 0,  -- documents newly stored
    replaced       INTEGER NOT NULL DEFAULT 0,  -- documents re-extracted by a newer extractor
    skipped        INTEGER NOT NULL DEFAULT 0,  -- already stored (same hash and extractor)
    failed         INTEGER NOT NULL DEFAULT 0
);

-- Articles: their text, metadata and the whole extraction output.
CREATE TABLE IF NOT EXISTS documents (
    id             INTEGER PRIMARY KEY,
    hash           TEXT    NOT NULL UNIQUE,     -- sha256(text) hex: the identity of a document
    doc_id         TEXT    NOT NULL,            -- the id the input gave (or 'sha1:...' when none)
    title          TEXT,
    url            TEXT,
    site           TEXT,                        -- publication / site name / feed title
    author         TEXT,
    published      TEXT,                        -- ISO date or NULL
    origin         TEXT,                        -- where it was read: path[:line], path!member, url
    text           TEXT    NOT NULL,            -- the original article text; all offsets index it
    length         INTEGER NOT NULL,            -- len(text) in code points
    focus_country  TEXT,                        -- ISO alpha-2 the article is mostly about
    sentences      TEXT    NOT NULL DEFAULT '[]', -- JSON [[start, end, kind], ...]
    meta           TEXT    NOT NULL DEFAULT '{}', -- JSON: other input fields
    result         TEXT    NOT NULL,            -- JSON: Pipeline.process() output (without text)
    n_events       INTEGER NOT NULL DEFAULT 0,
    marsad_version TEXT    NOT NULL,
    extractor      TEXT    NOT NULL,            -- marsad version + stage names/versions
    run            INTEGER REFERENCES runs(id) ON DELETE SET NULL,
    ingested_at    TEXT    NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_published ON documents(published);
CREATE INDEX IF NOT EXISTS documents_doc_id ON documents(doc_id);

-- PLOVER events. The location is stored inline (loc_*): the place the event happened.
CREATE TABLE IF NOT EXISTS events (
    id              INTEGER PRIMARY KEY,
    doc             INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx             INTEGER NOT NULL,           -- position in result["events"]
    uid             TEXT    NOT NULL UNIQUE,    -- stable id: hash[:16] || '-' || idx
    type            TEXT    NOT NULL,           -- PLOVER type: ASSAULT, PROTEST ...
    mode            TEXT,                       -- PLOVER mode, or NULL
    trigger_start   INTEGER NOT NULL,
    trigger_end     INTEGER NOT NULL,
    trigger_text    TEXT    NOT NULL,
    sentence        INTEGER NOT NULL,           -- sentence index in documents.sentences
    sentence_start  INTEGER NOT NULL,
    sentence_end    INTEGER NOT NULL,
    date            TEXT,                       -- ISO date of the event (start of period)
    date_precision  TEXT,                       -- day, week, month, year
    date_start      INTEGER,
    date_end        INTEGER,
    date_text       TEXT,
    loc_start       INTEGER,                    -- NULL when the place is inferred, not named
    loc_end         INTEGER,
    loc_text        TEXT,
    loc_name        TEXT,                       -- gazetteer name
    geonameid       INTEGER,
    country         TEXT,                       -- ISO 3166-1 alpha-2 of the location
    country3        TEXT,                       -- ISO 3166-1 alpha-3 of the location
    admin1          TEXT,
    lat             REAL,
    lon             REAL,
    feature_class   TEXT,
    geo_precision   TEXT,                       -- sub-city, city, admin1, country
    negated         INTEGER NOT NULL DEFAULT 0,
    hypothetical    INTEGER NOT NULL DEFAULT 0,
    future          INTEGER NOT NULL DEFAULT 0,
    historical      INTEGER NOT NULL DEFAULT 0,
    confidence      REAL    NOT NULL DEFAULT 0.5,
    quote           INTEGER,                    -- idx of the quote this statement comes from
    fatalities      INTEGER,                    -- conservative killed count (see docs/store.md)
    actor_text      TEXT,                       -- ' | '-joined actor texts (for display/filters)
    recipient_text  TEXT,
    source_text     TEXT,                       -- ' | '-joined source texts
    -- folded copies (marsad.text.normalize.fold) that the text filters match with LIKE:
    actor_norm      TEXT,                       -- actors' texts and codes (country, sectors)
    recipient_norm  TEXT,
    loc_norm        TEXT,                       -- place text and gazetteer name
    source_norm     TEXT,                       -- sources and their chains
    sentence_norm   TEXT                        -- the event's sentence
);
CREATE INDEX IF NOT EXISTS events_doc ON events(doc);
CREATE INDEX IF NOT EXISTS events_type ON events(type);
CREATE INDEX IF NOT EXISTS events_country ON events(country);
CREATE INDEX IF NOT EXISTS events_date ON events(date);

-- Other mentions of the same event (their triggers); the main trigger is on events.
CREATE TABLE IF NOT EXISTS event_mentions (
    id     INTEGER PRIMARY KEY,
    event  INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    doc    INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx    INTEGER NOT NULL,
    start  INTEGER NOT NULL,
    end    INTEGER NOT NULL,
    text   TEXT    NOT NULL
);
CREATE INDEX IF NOT EXISTS event_mentions_event ON event_mentions(event);
CREATE INDEX IF NOT EXISTS event_mentions_doc ON event_mentions(doc);

-- Actors and recipients of events.
CREATE TABLE IF NOT EXISTS actors (
    id       INTEGER PRIMARY KEY,
    event    INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    doc      INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    role     TEXT    NOT NULL,                  -- actor, recipient
    idx      INTEGER NOT NULL,                  -- position in the event's actors/recipients
    start    INTEGER NOT NULL,
    end      INTEGER NOT NULL,
    text     TEXT    NOT NULL,
    country  TEXT,                              -- ISO alpha-3
    sectors  TEXT    NOT NULL DEFAULT ''        -- space-separated PLOVER sectors: 'GOV MIL'
);
CREATE INDEX IF NOT EXISTS actors_event ON actors(event);
CREATE INDEX IF NOT EXISTS actors_doc ON actors(doc);

-- Places named in a document (the document's place layer).
CREATE TABLE IF NOT EXISTS places (
    id            INTEGER PRIMARY KEY,
    doc           INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx           INTEGER NOT NULL,
    start         INTEGER,                      -- NULL for a place inferred from context
    end           INTEGER,
    text          TEXT,
    name          TEXT,
    geonameid     INTEGER,
    country       TEXT,                         -- alpha-2
    country3      TEXT,                         -- alpha-3
    admin1        TEXT,
    lat           REAL,
    lon           REAL,
    feature_class TEXT,
    precision     TEXT,                         -- sub-city, city, admin1, country
    role          TEXT,                         -- mention, dateline
    sentence      INTEGER
);
CREATE INDEX IF NOT EXISTS places_doc ON places(doc);

-- Figures. event IS NULL: the document's figure layer (result["figures"][idx]);
-- event set: that event's figures (result["events"][e]["figures"][idx]).
CREATE TABLE IF NOT EXISTS figures (
    id            INTEGER PRIMARY KEY,
    doc           INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    event         INTEGER REFERENCES events(id) ON DELETE CASCADE,
    idx           INTEGER NOT NULL,
    kind          TEXT    NOT NULL,             -- killed, injured, arrested ...
    value         INTEGER NOT NULL,
    value_max     INTEGER,
    qualifier     TEXT    NOT NULL,             -- exact, more_than, at_least, about ...
    start         INTEGER NOT NULL,
    end           INTEGER NOT NULL,
    text          TEXT    NOT NULL,
    counted_start INTEGER,
    counted_end   INTEGER,
    counted_text  TEXT,
    counted_class TEXT,                         -- police, civilians ...
    cue_start     INTEGER,
    cue_end       INTEGER,
    cue_text      TEXT,
    sentence      INTEGER
);
CREATE INDEX IF NOT EXISTS figures_doc ON figures(doc);
CREATE INDEX IF NOT EXISTS figures_event ON figures(event);

-- Quotes (reported speech).
CREATE TABLE IF NOT EXISTS quotes (
    id            INTEGER PRIMARY KEY,
    doc           INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx           INTEGER NOT NULL,
    speaker_start INTEGER,
    speaker_end   INTEGER,
    speaker_text  TEXT,
    speaker_from  TEXT,                         -- explicit, antecedent, none
    cue_start     INTEGER NOT NULL,
    cue_end       INTEGER NOT NULL,
    cue_text      TEXT    NOT NULL,
    content_start INTEGER NOT NULL,
    content_end   INTEGER NOT NULL,
    content_text  TEXT    NOT NULL,
    direct        INTEGER NOT NULL DEFAULT 0,
    sentence      INTEGER,
    event_idx     INTEGER                       -- idx of the event this statement is, if any
);
CREATE INDEX IF NOT EXISTS quotes_doc ON quotes(doc);

-- Attributions. event IS NULL: the document's source layer (result["sources"][idx]);
-- event set: that event's sources. quote IS NOT NULL: a relay of quotes.idx = quote_idx
-- (result["quotes"][q]["sources"][idx]; cue and chain are NULL/empty then).
CREATE TABLE IF NOT EXISTS sources (
    id        INTEGER PRIMARY KEY,
    doc       INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    event     INTEGER REFERENCES events(id) ON DELETE CASCADE,
    quote     INTEGER REFERENCES quotes(id) ON DELETE CASCADE,
    idx       INTEGER NOT NULL,
    start     INTEGER NOT NULL,
    end       INTEGER NOT NULL,
    text      TEXT    NOT NULL,
    cue_start INTEGER,
    cue_end   INTEGER,
    cue_text  TEXT,
    sentence  INTEGER,
    quote_idx INTEGER                           -- Source.quote: the quote it introduces
);
CREATE INDEX IF NOT EXISTS sources_doc ON sources(doc);
CREATE INDEX IF NOT EXISTS sources_event ON sources(event);
CREATE INDEX IF NOT EXISTS sources_quote ON sources(quote);

-- A source's chain: pos 0 is the claimant, later positions relay the claim.
CREATE TABLE IF NOT EXISTS source_chain (
    id      INTEGER PRIMARY KEY,
    source  INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    doc     INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    pos     INTEGER NOT NULL,
    start   INTEGER NOT NULL,
    end     INTEGER NOT NULL,
    text    TEXT    NOT NULL
);
CREATE INDEX IF NOT EXISTS source_chain_source ON source_chain(source);
CREATE INDEX IF NOT EXISTS source_chain_doc ON source_chain(doc);

-- Time expressions.
CREATE TABLE IF NOT EXISTS dates (
    id        INTEGER PRIMARY KEY,
    doc       INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx       INTEGER NOT NULL,
    start     INTEGER NOT NULL,
    end       INTEGER NOT NULL,
    text      TEXT    NOT NULL,
    date      TEXT,
    precision TEXT,
    calendar  TEXT,
    relative  INTEGER NOT NULL DEFAULT 0,
    sentence  INTEGER
);
CREATE INDEX IF NOT EXISTS dates_doc ON dates(doc);

-- Named entities.
CREATE TABLE IF NOT EXISTS entities (
    id         INTEGER PRIMARY KEY,
    doc        INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx        INTEGER NOT NULL,
    start      INTEGER NOT NULL,
    end        INTEGER NOT NULL,
    text       TEXT    NOT NULL,
    label      TEXT    NOT NULL,                -- PERS, ORG, LOC, MISC
    confidence REAL
);
CREATE INDEX IF NOT EXISTS entities_doc ON entities(doc);

-- Inputs that could not be stored as a document, one row per failing input.
-- key = 'sha256:<hash of text>' when text was read, else 'at:<origin>' (path[:line]).
CREATE TABLE IF NOT EXISTS failures (
    id             INTEGER PRIMARY KEY,
    key            TEXT    NOT NULL UNIQUE,
    doc_id         TEXT,
    origin         TEXT,                        -- path[:line], path!member, url
    code           TEXT    NOT NULL,            -- marsad error code: E101 unreadable, E102 encoding,
                                                -- E103 empty, E107 not Arabic, E203 stage crash ...
    type           TEXT    NOT NULL,            -- error class name
    message        TEXT    NOT NULL,
    marsad_version TEXT    NOT NULL,
    extractor      TEXT    NOT NULL,
    run            INTEGER REFERENCES runs(id) ON DELETE SET NULL,
    failed_at      TEXT    NOT NULL
);
CREATE INDEX IF NOT EXISTS failures_code ON failures(code);
