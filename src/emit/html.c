#include "emit/html.h"
#include "diff/rename.h"
#include "emit/html_changes.h"
#include "emit/html_graph.h"
#include "emit/review.h"
#include "emit/sql.h"
#include "emit/summary.h"
#include "kinds/kind.h"
#include "plan/expand.h"
#include "util/xalloc.h"

#include <stdlib.h>

/* src/emit/review.css and review.js, compiled in (scripts/sql2c.sh). */
extern const char *const review_css[];
extern const char *const review_js[];

/* The page loads nothing: no request leaves it, whatever a name holds. */
#define PAGE_POLICY \
    "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; " \
    "img-src data:"

static void add_lines(strbuf *out, const char *const *lines)
{
    for (const char *const *line = lines; *line; line++)
        sb_adds(out, *line);
}

static void add_head(strbuf *out, const char *verdict)
{
    sb_adds(out, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                 "<meta http-equiv=\"Content-Security-Policy\" content=\"" PAGE_POLICY "\">\n"
                 "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                 "<meta name=\"generator\" content=\"pgalign\">\n<title>pgalign review: ");
    html_text(out, verdict);
    sb_adds(out, "</title>\n<style>\n");
    add_lines(out, review_css);
    sb_adds(out, "</style>\n</head>\n");
}

static void add_major(strbuf *out, const char *side, const pa_model *m)
{
    if (m && m->server_version)
        sb_addf(out, "%s: PostgreSQL %d", side, m->server_version / 10000);
    else
        sb_addf(out, "%s: no server", side);
}

static void add_header(strbuf *out, const pa_plan *p, const pa_census_diff *census,
                       const char *verdict, bool unsafe)
{
    bool in_sync = p->nstmts == 0 && !p->nnotes && !(census && census->ndiffer);
    const char *tone = in_sync                                           ? "sync"
                       : plan_count_hazard(p, HAZ_DATA_LOSS) && !unsafe ? "destructive"
                                                                       : "drift";
    sb_addf(out, "<header>\n<h1>pgalign review</h1>\n<p id=\"verdict\" class=\"verdict %s\">",
            tone);
    html_text(out, verdict);
    sb_adds(out, "</p>\n<p class=\"servers\">");
    add_major(out, "FROM", p->from);
    sb_adds(out, " &middot; ");
    add_major(out, "TARGET", p->to);
    sb_adds(out, "</p>\n</header>\n");
}

/* --- the summary -------------------------------------------------------- */

static void kind_row(strbuf *out, const pa_kind *kind, const kind_counts *c, bool first)
{
    if (first)
        sb_adds(out, "<table class=\"counts\" id=\"kinds\"><thead><tr><th>kind</th>"
                     "<th>created</th><th>altered</th><th>dropped</th></tr></thead>"
                     "<tbody>\n");
    sb_addf(out, "<tr><td><a href=\"#kind=%s\">%s</a></td><td class=\"n\">%zu</td>"
                 "<td class=\"n\">%zu</td><td class=\"n\">%zu</td></tr>\n",
            kind->name, kind->name, c->created, c->altered, c->dropped);
}

static void add_kind_table(strbuf *out, const pa_diff *d)
{
    if (summary_kind_rows(out, d, kind_row))
        sb_adds(out, "</tbody></table>\n");
}

static void add_hazard_table(strbuf *out, const pa_plan *p)
{
    bool any = false;
    for (int h = 0; h < PA_NHAZARDS; h++) {
        size_t n = plan_count_hazard(p, 1u << h);
        if (!n)
            continue;
        if (!any)
            sb_adds(out, "<table class=\"counts\" id=\"hazards\"><thead><tr><th>hazard</th>"
                         "<th>statements</th></tr></thead><tbody>\n");
        any = true;
        sb_addf(out, "<tr><td><a href=\"#hazard=%s\">", pa_hazard_names[h]);
        html_hazard_badges(out, 1u << h);
        sb_adds(out, "</a>");
        sb_addf(out, "</td><td class=\"n\">%zu</td></tr>\n", n);
    }
    if (any)
        sb_adds(out, "</tbody></table>\n");
}

/* A titled list; each item is code. */
static void list_start(strbuf *out, const char *id, const char *title)
{
    sb_addf(out, "<h3>%s</h3>\n<ul class=\"items\" id=\"%s\">\n", title, id);
}

static void add_code_item(strbuf *out, const char *text)
{
    sb_adds(out, "<li><code>");
    html_text(out, text);
    sb_adds(out, "</code></li>\n");
}

static void add_destructive(strbuf *out, const pa_plan *p, const pa_loss_list *losses)
{
    if (!plan_count_hazard(p, HAZ_DATA_LOSS))
        return;
    list_start(out, "destructive", "Destructive statements");
    for (size_t i = 0; i < p->nstmts; i++) {
        if (p->stmts[i]->hazards & HAZ_DATA_LOSS)
            add_code_item(out, sb_str(&p->stmts[i]->sql));
    }
    sb_adds(out, "</ul>\n");
    if (!losses || losses->count == 0)
        return;
    list_start(out, "losses", "What they lose, counted in FROM now (preflight)");
    strbuf text = STRBUF_INIT;
    for (size_t i = 0; i < losses->count; i++) {
        sb_reset(&text);
        loss_text(&text, &losses->items[i]);
        add_code_item(out, sb_str(&text));
    }
    sb_release(&text);
    sb_adds(out, "</ul>\n");
}

static void add_renames(strbuf *out, const pa_rename_list *renames)
{
    if (!renames || renames->count == 0)
        return;
    list_start(out, "renames", "Renamed (the data is kept)");
    strbuf text = STRBUF_INIT;
    for (size_t i = 0; i < renames->count; i++) {
        sb_reset(&text);
        rename_text(&text, &renames->items[i]);
        sb_addf(out, "<li>%s <code>", rename_kind_name(&renames->items[i]));
        html_text(out, sb_str(&text));
        sb_adds(out, "</code></li>\n");
    }
    sb_release(&text);
    sb_adds(out, "</ul>\n");
}

static void add_held_and_notes(strbuf *out, const pa_plan *p)
{
    if (p->nnotes) {
        list_start(out, "by-hand", "To do by hand");
        for (size_t i = 0; i < p->nnotes; i++)
            add_code_item(out, p->notes[i]);
        sb_adds(out, "</ul>\n");
    }
    const pa_deferred_list *held = p->deferred;
    bool first = true;
    strbuf text = STRBUF_INIT;
    for (size_t i = 0; held && i < held->count; i++) {
        if (!deferred_shown(held, i))
            continue;
        if (first)
            list_start(out, "held-back", "Held back for the contract step (--additive)");
        first = false;
        sb_reset(&text);
        deferred_text(&text, &held->items[i]);
        add_code_item(out, sb_str(&text));
    }
    if (!first)
        sb_adds(out, "</ul>\n");
    sb_release(&text);
}

static void add_census(strbuf *out, const pa_census_diff *census)
{
    if (!census || census->count == 0)
        return;
    sb_addf(out, "<h3>Not compared (kinds pgalign does not plan yet): %zu object%s, %zu "
                 "differ%s</h3>\n<ul class=\"items\" id=\"census\">\n",
            census->count, census->count == 1 ? "" : "s", census->ndiffer,
            census->ndiffer == 1 ? "s" : "");
    strbuf text = STRBUF_INIT;
    for (size_t i = 0; i < census->count; i++) {
        sb_reset(&text);
        census_describe(&text, census, &census->items[i]);
        add_code_item(out, sb_str(&text));
    }
    sb_release(&text);
    sb_adds(out, "</ul>\n");
}

static void add_summary(strbuf *out, const pa_diff *d, const pa_plan *p,
                        const pa_census_diff *census, const pa_loss_list *losses)
{
    sb_adds(out, "<section id=\"summary\">\n<h2>Summary</h2>\n<div class=\"tables\">\n");
    add_kind_table(out, d);
    add_hazard_table(out, p);
    sb_adds(out, "</div>\n");
    add_destructive(out, p, losses);
    add_renames(out, d->renames);
    add_held_and_notes(out, p);
    add_census(out, census);
    sb_adds(out, "</section>\n");
}

/* --- the picture and the plan -------------------------------------------- */

static void add_graph(strbuf *out, const pa_diff *d)
{
    strbuf svg = STRBUF_INIT;
    html_fk_graph(&svg, d);
    if (svg.len) {
        sb_adds(out, "<section id=\"graph\">\n<h2>Changed tables and their foreign-key "
                     "neighbours</h2>\n<p class=\"legend\"><span><i class=\"l-created\"></i>"
                     "created</span><span><i class=\"l-altered\"></i>altered</span><span>"
                     "<i class=\"l-dropped\"></i>dropped</span><span><i class=\"l-neighbour\">"
                     "</i>referenced or referencing</span>an arrow points to the referenced "
                     "table; green: a new foreign key, dashed red: a dropped one</p>\n");
        sb_add(out, svg.buf, svg.len);
        sb_adds(out, "</section>\n");
    }
    sb_release(&svg);
}

static void add_plan(strbuf *out, const pa_plan *p)
{
    sb_addf(out, "<section id=\"plan\">\n<h2>The plan: %zu statement%s</h2>\n", p->nstmts,
            p->nstmts == 1 ? "" : "s");
    strbuf sql = STRBUF_INIT;
    for (size_t i = 0; i < p->nstmts; i++) {
        sb_reset(&sql);
        emit_sql_statement(&sql, p->stmts[i]);
        sb_adds(out, "<pre class=\"stmt\">");
        html_text(out, sb_str(&sql));
        sb_adds(out, "</pre>");
        html_hazard_badges(out, p->stmts[i]->hazards);
        sb_addc(out, '\n');
    }
    sb_release(&sql);
    sb_adds(out, "</section>\n");
}

void emit_html(strbuf *out, const pa_diff *d, const pa_plan *p, const pa_census_diff *census,
               const pa_loss_list *losses, bool unsafe)
{
    strbuf verdict = STRBUF_INIT;
    review_verdict(&verdict, p, census, unsafe);
    add_head(out, sb_str(&verdict));
    sb_adds(out, "<body>\n");
    add_header(out, p, census, sb_str(&verdict), unsafe);
    add_summary(out, d, p, census, losses);
    add_graph(out, d);
    html_changes(out, d, p);
    add_plan(out, p);
    sb_adds(out, "<script>\n");
    add_lines(out, review_js);
    sb_adds(out, "</script>\n</body>\n</html>\n");
    sb_release(&verdict);
}
