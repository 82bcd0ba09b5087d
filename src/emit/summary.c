#include "emit/summary.h"
#include "emit/changes.h"
#include "emit/json.h"
#include "emit/quote.h"
#include "diff/rename.h"
#include "kinds/kind.h"
#include "plan/expand.h"
#include "util/xalloc.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

/* Counts per kind, in registry order. Replacements count as altered. */
void summary_count_changes(const pa_diff *d, kind_counts *counts)
{
    for (size_t i = 0; i < d->count; i++) {
        const pa_change *c = &d->changes[i];
        const pa_kind *k = (c->from ? c->from : c->to)->kind;
        size_t at = 0;
        while (at < pa_nkinds && pa_kinds[at] != k)
            at++;
        if (at == pa_nkinds)
            continue;
        switch (c->type) {
        case CHANGE_ADD:
            counts[at].created++;
            break;
        case CHANGE_DROP:
            counts[at].dropped++;
            break;
        case CHANGE_ALTER:
        case CHANGE_REPLACE:
            counts[at].altered++;
            break;
        case CHANGE_SAME:
            break;
        }
    }
}

/* ANSI colours, only for a terminal: red for data loss, yellow for the
 * other hazards. */
static const char *const colour_loss = "\033[31m";
static const char *const colour_hazard = "\033[33m";
static const char *const colour_off = "\033[0m";

/* What the plan leaves to be done by hand (secrets). */
size_t summary_kind_rows(strbuf *out, const pa_diff *d, kind_row_fn row)
{
    kind_counts *counts = xcalloc(pa_nkinds, sizeof(*counts));
    summary_count_changes(d, counts);
    size_t rows = 0;
    for (size_t i = 0; i < pa_nkinds; i++) {
        const kind_counts *c = &counts[i];
        if (c->created || c->altered || c->dropped)
            row(out, pa_kinds[i], c, rows++ == 0);
    }
    free(counts);
    return rows;
}

static void add_notes(strbuf *out, const pa_plan *p)
{
    if (!p->nnotes)
        return;
    sb_adds(out, "\n  to do by hand:\n");
    for (size_t i = 0; i < p->nnotes; i++)
        sb_addf(out, "    %s\n", p->notes[i]);
}

/* Renamed in place: rows kept, nothing built again. */
static void add_renames(strbuf *out, const pa_rename_list *renames)
{
    if (!renames || renames->count == 0)
        return;
    sb_adds(out, "  renamed (the data is kept):\n");
    for (size_t i = 0; i < renames->count; i++) {
        sb_addf(out, "    %-10s ", rename_kind_name(&renames->items[i]));
        rename_text(out, &renames->items[i]);
        sb_addc(out, '\n');
    }
    sb_addc(out, '\n');
}

/* What the destructive statements lose, as the preflight counted it. */
static void add_losses(strbuf *out, const pa_loss_list *losses)
{
    if (!losses || losses->count == 0)
        return;
    sb_adds(out, "\nwhat they lose, counted in FROM now (preflight):\n");
    for (size_t i = 0; i < losses->count; i++) {
        sb_adds(out, "  ");
        loss_text(out, &losses->items[i]);
        sb_addc(out, '\n');
    }
}

/* The widest name among the kinds the table lists (publication_table
 * is wider than most): the columns stay aligned. */
static int kind_column_width(const kind_counts *counts)
{
    int width = (int)strlen("kind");
    for (size_t i = 0; i < pa_nkinds; i++) {
        const kind_counts *c = &counts[i];
        int n = (int)strlen(pa_kinds[i]->name);
        if ((c->created || c->altered || c->dropped) && n > width)
            width = n;
    }
    return width < 16 ? 16 : width;
}

/* How many objects pgalign did not compare: a row of the summary; each is
 * named on stderr (cmd_report_census) and in the JSON forms. */
static void add_census(strbuf *out, const pa_census_diff *census)
{
    if (!census || census->count == 0)
        return;
    sb_addf(out, "\nnot compared (kinds pgalign does not plan yet): %zu object%s, %zu "
            "differ%s (named on stderr)\n", census->count, census->count == 1 ? "" : "s",
            census->ndiffer, census->ndiffer == 1 ? "s" : "");
}

void emit_summary_text(strbuf *out, const pa_diff *d, const pa_plan *p,
                       const pa_census_diff *census, const pa_loss_list *losses,
                       bool unsafe, bool colour, bool detail)
{
    size_t uncompared_differ = census ? census->ndiffer : 0;
    if (p->nstmts == 0) {
        sb_adds(out, p->nnotes ? "drift: no statement to apply, but something to do by "
                                    "hand\n"
                     : uncompared_differ
                         ? "drift: the compared schema matches, but objects pgalign "
                           "cannot plan differ\n"
                     : p->deferred && p->deferred->count
                         ? "in sync but for what --additive holds back: nothing to "
                           "add\n"
                         : "in sync: no differences\n");
        add_notes(out, p);
        deferred_summary(out, p->deferred);
        add_census(out, census);
        return;
    }
    kind_counts *counts = xcalloc(pa_nkinds, sizeof(*counts));
    summary_count_changes(d, counts);
    sb_addf(out, "drift: %zu statement%s to apply\n\n", p->nstmts, p->nstmts == 1 ? "" : "s");
    add_renames(out, d->renames);
    int width = kind_column_width(counts);
    sb_addf(out, "  %-*s %8s %8s %8s\n", width, "kind", "created", "altered", "dropped");
    for (size_t i = 0; i < pa_nkinds; i++) {
        const kind_counts *c = &counts[i];
        if (c->created || c->altered || c->dropped)
            sb_addf(out, "  %-*s %8zu %8zu %8zu\n", width, pa_kinds[i]->name, c->created,
                    c->altered, c->dropped);
    }
    sb_adds(out, "\n  hazard                     statements\n");
    for (int h = 0; h < PA_NHAZARDS; h++) {
        size_t n = plan_count_hazard(p, 1u << h);
        if (n)
            sb_addf(out, "  %s%-26s%s %10zu\n",
                    !colour ? "" : h == 0 ? colour_loss : colour_hazard,
                    pa_hazard_names[h], colour ? colour_off : "", n);
    }
    size_t destructive = plan_count_hazard(p, HAZ_DATA_LOSS);
    if (destructive) {
        sb_addf(out, "\n%s%zu destructive statement%s (data-loss%s):%s\n",
                colour ? colour_loss : "", destructive, destructive == 1 ? "" : "s",
                unsafe ? ", allowed by --unsafe" : "; need --unsafe", colour ? colour_off : "");
        for (size_t i = 0; i < p->nstmts; i++) {
            if (p->stmts[i]->hazards & HAZ_DATA_LOSS)
                sb_addf(out, "  %s;\n", sb_str(&p->stmts[i]->sql));
        }
    }
    add_losses(out, losses);
    if (detail)
        changes_text(out, p);
    add_notes(out, p);
    deferred_summary(out, p->deferred);
    add_census(out, census);
    free(counts);
}

/* null when the preflight did not count them. */
static json_t *json_losses(const pa_loss_list *losses)
{
    if (!losses)
        return json_null();
    json_t *list = json_array();
    strbuf text = STRBUF_INIT;
    for (size_t i = 0; i < losses->count; i++) {
        const pa_loss *l = &losses->items[i];
        sb_reset(&text);
        loss_text(&text, l);
        json_array_append_new(list, json_pack("{s:I,s:I,s:s,s:s}", "statement",
                                              (json_int_t)l->stmt, "count",
                                              (json_int_t)l->count, "unit", l->unit,
                                              "text", sb_str(&text)));
    }
    sb_release(&text);
    return list;
}

json_t *census_json(const pa_census_diff *census)
{
    json_t *list = json_array();
    for (size_t i = 0; census && i < census->count; i++) {
        const pa_census_item *it = &census->items[i];
        json_array_append_new(list, json_pack("{s:s,s:s,s:s,s:b}", "kind", it->entry->what,
                                              "name", it->entry->label, "where",
                                              census_where(it), "differs",
                                              census_item_differs(it)));
    }
    return list;
}

void emit_summary_json(strbuf *out, const pa_diff *d, const pa_plan *p,
                       const pa_census_diff *census, const pa_loss_list *losses)
{
    kind_counts *counts = xcalloc(pa_nkinds, sizeof(*counts));
    summary_count_changes(d, counts);
    json_t *root = json_object();
    json_t *kinds = json_object();
    for (size_t i = 0; i < pa_nkinds; i++) {
        const kind_counts *c = &counts[i];
        if (!c->created && !c->altered && !c->dropped)
            continue;
        json_object_set_new(kinds, pa_kinds[i]->name,
                            json_pack("{s:I,s:I,s:I}", "created", (json_int_t)c->created,
                                      "altered", (json_int_t)c->altered,
                                      "dropped", (json_int_t)c->dropped));
    }
    json_t *statements = json_array();
    for (size_t i = 0; i < p->nstmts; i++) {
        json_t *hazards = json_array();
        for (int h = 0; h < PA_NHAZARDS; h++) {
            if (p->stmts[i]->hazards & (1u << h))
                json_array_append_new(hazards, json_string(pa_hazard_names[h]));
        }
        json_array_append_new(statements, json_pack("{s:s,s:o}", "sql",
                                                     sb_str(&p->stmts[i]->sql),
                                                     "hazards", hazards));
    }
    json_object_set_new(root, "in_sync",
                        json_boolean(p->nstmts == 0 && !p->nnotes &&
                                     (!census || census->ndiffer == 0)));
    json_object_set_new(root, "destructive",
                        json_integer((json_int_t)plan_count_hazard(p, HAZ_DATA_LOSS)));
    json_object_set_new(root, "changes", kinds);
    json_object_set_new(root, "statements", statements);
    json_object_set_new(root, "renames", json_renames(d->renames));
    json_object_set_new(root, "losses", json_losses(losses));
    json_object_set_new(root, "not_compared", census_json(census));
    if (p->deferred)
        json_object_set_new(root, "deferred", deferred_json(p->deferred));
    emit_json(out, root);
    free(counts);
}
