-- a.sql, each text search object changed (see there).
create schema search;
create text search parser search.prs (start = prsd_start, gettoken = prsd_nexttoken,
    end = prsd_end, lextypes = prsd_lextype, headline = prsd_headline);
create text search parser search.prs_new (start = prsd_start, gettoken = prsd_nexttoken,
    end = prsd_end, lextypes = prsd_lextype);
comment on text search parser search.prs_new is 'a new parser';
create text search template search.tmpl (init = dsimple_init, lexize = dsimple_lexize);
create text search template search.tmpl_same (init = dsimple_init, lexize = dsimple_lexize);
create text search dictionary search.stop (template = simple, accept = true, stopwords = english);
create text search dictionary search.moved (template = search.tmpl);
create text search dictionary "Odd ""Dict"", x" (template = simple);
comment on text search dictionary "Odd ""Dict"", x" is 'odd';
create text search configuration search.cfg (parser = search.prs);
alter text search configuration search.cfg add mapping for word, asciiword with search.stop, simple;
alter text search configuration search.cfg add mapping for "int" with simple;
create text search configuration search.eng (copy = english);
alter text search configuration search.eng alter mapping for asciiword with "Odd ""Dict"", x", english_stem;
alter text search configuration search.eng drop mapping for url, host;
alter text search configuration search.eng alter mapping for word with search.stop, simple;
-- uses a dictionary whose template changes: made anew
create text search configuration search.rebuilt (parser = default);
alter text search configuration search.rebuilt add mapping for word with search.moved;
create text search configuration search.fresh (parser = search.prs_new);
alter text search configuration search.fresh add mapping for word with search.stop;
create table search.docs (
    id int primary key,
    body text,
    tsv tsvector generated always as (to_tsvector('search.eng', coalesce(body, ''))) stored
);
create index docs_cfg on search.docs using gin (to_tsvector('search.cfg'::regconfig, body));
create index docs_fresh on search.docs using gin (to_tsvector('search.fresh'::regconfig, body));
insert into search.docs values (1, 'the quick brown fox');
