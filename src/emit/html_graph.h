/* The picture of an HTML review (--format html): the tables a plan
 * changes and their foreign-key neighbours, drawn as SVG by pgalign
 * itself, each changed table linked to its change on the page. */
#ifndef PA_EMIT_HTML_GRAPH_H
#define PA_EMIT_HTML_GRAPH_H

#include "diff/diff.h"
#include "util/strbuf.h"

/* The most tables drawn: a bigger picture is no longer read; the page
 * says how many were left out. */
#define HTML_GRAPH_MAX_NODES 60

/* An <svg> of the tables d changes (created, altered, dropped, or with
 * something in them changed) and the tables their foreign keys reference
 * or are referenced from, in FROM or in TARGET; nothing when d changes
 * no table. Each change's article on the page has the id "change-N", N
 * its index in d. */
void html_fk_graph(strbuf *out, const pa_diff *d);

#endif
