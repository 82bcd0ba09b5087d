-- Text search objects of every kind, and each change to them (b.sql).
create schema search;
create text search parser search.prs (start = prsd_start, gettoken = prsd_nexttoken,
    end = prsd_end, lextypes = prsd_lextype);
create text search parser search.prs_gone (start = prsd_start, gettoken = prsd_nexttoken,
    end = prsd_end, lextypes = prsd_lextype);
create text search template search.tmpl (init = dsynonym_init, lexize = dsynonym_lexize);
create text search template search.tmpl_same (init = dsimple_init, lexize = dsimple_lexize);
comment on text search template search.tmpl_same is 'a template';
-- options: one removed, one changed, one kept; the order changes
create text search dictionary search.stop (template = simple, stopwords = english, accept = false);
-- its template changes: made anew, with the configuration that uses it
create text search dictionary search.moved (template = simple);
create text search dictionary search.gone (template = search.tmpl, synonyms = synonym_sample);
create text search dictionary "Odd ""Dict"", x" (template = simple, stopwords = 'english');
comment on text search dictionary search.stop is 'stop words';
-- its parser changes: made anew, and the index using it too
create text search configuration search.cfg (parser = search.prs);
alter text search configuration search.cfg add mapping for word, asciiword with search.stop, simple;
alter text search configuration search.cfg add mapping for "int" with simple;
-- mappings added, changed, dropped; one uses a dictionary that goes
create text search configuration search.eng (copy = english);
alter text search configuration search.eng alter mapping for asciiword with search.gone, english_stem;
alter text search configuration search.eng drop mapping for email;
alter text search configuration search.eng alter mapping for word with search.stop;
-- uses a dictionary whose template changes: made anew
create text search configuration search.rebuilt (parser = default);
alter text search configuration search.rebuilt add mapping for word with search.moved;
comment on text search configuration search.eng is 'english, tuned';
create table search.docs (
    id int primary key,
    body text,
    tsv tsvector generated always as (to_tsvector('search.eng', coalesce(body, ''))) stored
);
create index docs_cfg on search.docs using gin (to_tsvector('search.cfg'::regconfig, body));
insert into search.docs values (1, 'the quick brown fox');
