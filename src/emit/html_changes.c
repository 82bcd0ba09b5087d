#include "emit/html_changes.h"
#include "emit/changes.h"
#include "emit/review.h"
#include "emit/sql.h"
#include "kinds/kind.h"
#include "util/linediff.h"
#include "util/xalloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Schemas' names sort before this: objects outside schemas come last. */
#define NO_SCHEMA "\x7f"

/* The plan's statements of each change: first[change] and next[stmt],
 * SIZE_MAX ending each list; one pass over the plan, not one a change. */
typedef struct stmt_index {
    size_t *first, *next;
} stmt_index;

static void index_statements(stmt_index *ix, const pa_diff *d, const pa_plan *p)
{
    ix->first = xmalloc((d->count + 1) * sizeof(size_t));
    ix->next = xmalloc((p->nstmts + 1) * sizeof(size_t));
    for (size_t i = 0; i < d->count; i++)
        ix->first[i] = SIZE_MAX;
    for (size_t i = p->nstmts; i-- > 0;) {
        const pa_change *c = p->stmts[i]->change;
        ix->next[i] = SIZE_MAX;
        if (!c || c < d->changes || c >= d->changes + d->count)
            continue;
        size_t ci = (size_t)(c - d->changes);
        ix->next[i] = ix->first[ci];
        ix->first[ci] = i;
    }
}

static unsigned change_hazards(const stmt_index *ix, const pa_plan *p, size_t change)
{
    unsigned hazards = 0;
    for (size_t s = ix->first[change]; s != SIZE_MAX; s = ix->next[s])
        hazards |= p->stmts[s]->hazards;
    return hazards;
}

void html_hazard_badges(strbuf *out, unsigned hazards)
{
    for (int h = 0; h < PA_NHAZARDS; h++) {
        if (hazards & (1u << h))
            sb_addf(out, "<span class=\"badge haz-%s\">%s</span>", pa_hazard_names[h],
                    pa_hazard_names[h]);
    }
}

static const pa_object *object_of(const pa_change *c)
{
    return c->to ? c->to : c->from;
}

/* Shown in an article of its own: what review_shows says, but for what
 * is created with its parent by the parent's statements (a new table's
 * columns): the parent's article lists it. */
static bool has_article(const pa_diff *d, const stmt_index *ix, size_t i)
{
    const pa_change *c = &d->changes[i];
    if (!review_shows(d, c))
        return false;
    const pa_change *parent = c->type == CHANGE_ADD && c->to->parent
                                  ? diff_find(d, c->to->parent->key)
                                  : NULL;
    return !parent || parent->type != CHANGE_ADD || ix->first[i] != SIZE_MAX;
}

/* --- the filter --------------------------------------------------------- */

/* A change to show, and the schema it is grouped under. */
typedef struct shown {
    const char *schema;
    size_t index;       /* in the diff */
} shown;

static void add_filter(strbuf *out, const pa_diff *d, const stmt_index *ix, const pa_plan *p,
                       const shown *list, size_t n)
{
    bool *kinds = xcalloc(pa_nkinds, sizeof(bool));
    unsigned hazards = 0;
    for (size_t i = 0; i < n; i++) {
        const pa_kind *kind = object_of(&d->changes[list[i].index])->kind;
        for (size_t k = 0; k < pa_nkinds; k++)
            kinds[k] |= pa_kinds[k] == kind;
        hazards |= change_hazards(ix, p, list[i].index);
    }
    sb_adds(out, "<form id=\"filter\" onsubmit=\"return false\">\n"
                 "<label>Kind <select id=\"kind-filter\"><option value=\"\">every kind</option>");
    for (size_t k = 0; k < pa_nkinds; k++) {
        if (kinds[k])
            sb_addf(out, "<option value=\"%s\">%s</option>", pa_kinds[k]->name,
                    pa_kinds[k]->name);
    }
    sb_adds(out, "</select></label>\n<label>Hazard <select id=\"hazard-filter\">"
                 "<option value=\"\">any or none</option><option value=\"any\">some hazard"
                 "</option><option value=\"none\">no hazard</option>");
    for (int h = 0; h < PA_NHAZARDS; h++) {
        if (hazards & (1u << h))
            sb_addf(out, "<option value=\"%s\">%s</option>", pa_hazard_names[h],
                    pa_hazard_names[h]);
    }
    sb_adds(out, "</select></label>\n<span id=\"shown\"></span>\n</form>\n");
    free(kinds);
}

/* --- definitions side by side ------------------------------------------- */

typedef struct side_line {
    char type;
    const char *text;
    size_t len;
} side_line;

typedef struct side_lines {
    side_line *items;
    size_t count, alloc;
} side_lines;

static void collect_line(void *ctx, char type, const char *text, size_t len)
{
    side_lines *l = ctx;
    l->items = xgrow(l->items, sizeof(*l->items), l->count + 1, &l->alloc);
    l->items[l->count++] = (side_line){type, text, len};
}

/* One half of a row: its line number and text, or an empty gap. */
static void add_cell(strbuf *out, const side_line *line, size_t *number, const char *side)
{
    if (!line) {
        sb_addf(out, "<td class=\"ln\"></td><td class=\"%s gap\"></td>", side);
        return;
    }
    const char *mark = line->type == '-' ? " del" : line->type == '+' ? " ins" : "";
    sb_addf(out, "<td class=\"ln\">%zu</td><td class=\"%s%s\">", ++*number, side, mark);
    html_text_len(out, line->text, line->len);
    sb_adds(out, "</td>");
}

/* The rows: a line in both on one row; lines removed and the lines added
 * in their place paired row by row, the longer run's rest beside gaps. */
static void add_rows(strbuf *out, const side_lines *l)
{
    size_t before = 0, after = 0;
    for (size_t i = 0; i < l->count;) {
        if (l->items[i].type == ' ') {
            sb_adds(out, "<tr>");
            add_cell(out, &l->items[i], &before, "before");
            add_cell(out, &l->items[i], &after, "after");
            sb_adds(out, "</tr>\n");
            i++;
            continue;
        }
        size_t del = i, ndel = 0, nins = 0;
        while (i < l->count && l->items[i].type == '-')
            i++, ndel++;
        size_t ins = i;
        while (i < l->count && l->items[i].type == '+')
            i++, nins++;
        for (size_t r = 0; r < ndel || r < nins; r++) {
            sb_adds(out, "<tr>");
            add_cell(out, r < ndel ? &l->items[del + r] : NULL, &before, "before");
            add_cell(out, r < nins ? &l->items[ins + r] : NULL, &after, "after");
            sb_adds(out, "</tr>\n");
        }
    }
}

/* text's lines, each after depth levels of indentation. */
static void add_indented_lines(strbuf *out, const char *text, int depth)
{
    for (const char *line = text; *line;) {
        const char *end = strchr(line, '\n');
        size_t len = end ? (size_t)(end - line) : strlen(line);
        for (int i = 0; i < depth; i++)
            sb_adds(out, "  ");
        sb_add(out, line, len);
        sb_addc(out, '\n');
        line += len + (end != NULL);
    }
}

/* A created or dropped object's definition with what comes or goes with
 * it (a new table's columns, their defaults, its constraints...), kind by
 * kind, each under its kind and name, indented a level deeper. */
static void definition_with_children(strbuf *out, const pa_diff *d, const pa_object *o,
                                     change_type type, int depth)
{
    if (!o)
        return;
    strbuf def = STRBUF_INIT;
    object_definition(&def, o);
    add_indented_lines(out, sb_str(&def), depth);
    sb_release(&def);
    for (size_t k = 0; k < pa_nkinds; k++) {
        for (const pa_object *child = model_child_of_kind(o, pa_kinds[k]); child;
             child = model_next_of_kind(child)) {
            const pa_change *cc = diff_find(d, child->key);
            if (!cc || cc->type != type)
                continue;
            strbuf head = STRBUF_INIT;
            sb_addf(&head, "%s %s:", child->kind->name, child->name);
            add_indented_lines(out, sb_str(&head), depth);
            sb_release(&head);
            definition_with_children(out, d, child, type, depth + 1);
        }
    }
}

static void add_side_by_side(strbuf *out, const pa_diff *d, const pa_change *c)
{
    strbuf before = STRBUF_INIT, after = STRBUF_INIT;
    if (c->type == CHANGE_ADD || c->type == CHANGE_DROP) {
        definition_with_children(&before, d, c->from, c->type, 0);
        definition_with_children(&after, d, c->to, c->type, 0);
    } else {
        object_definition(&before, c->from);
        object_definition(&after, c->to);
    }
    side_lines lines = {0};
    linediff_each(sb_str(&before), sb_str(&after), collect_line, &lines);
    sb_addf(out, "<table class=\"sbs\"><colgroup><col class=\"ln\"><col><col class=\"ln\"><col>"
                 "</colgroup>\n<thead><tr><th colspan=\"2\">FROM%s</th><th colspan=\"2\">"
                 "TARGET%s</th></tr></thead>\n<tbody>\n",
            c->from ? "" : ": not there", c->to ? "" : ": not there");
    add_rows(out, &lines);
    sb_adds(out, "</tbody></table>\n");
    free(lines.items);
    sb_release(&before);
    sb_release(&after);
}

/* --- one change ---------------------------------------------------------- */

static void add_statements(strbuf *out, const stmt_index *ix, const pa_plan *p, size_t change)
{
    sb_adds(out, "<div class=\"statements\"><h5>SQL</h5>\n");
    if (ix->first[change] == SIZE_MAX)
        sb_adds(out, "<p class=\"none\">no statement of its own: it comes with another "
                     "change</p>\n");
    strbuf sql = STRBUF_INIT;
    for (size_t s = ix->first[change]; s != SIZE_MAX; s = ix->next[s]) {
        sb_reset(&sql);
        emit_sql_statement(&sql, p->stmts[s]);
        sb_adds(out, "<pre class=\"stmt\">");
        html_text(out, sb_str(&sql));
        sb_adds(out, "</pre>\n");
    }
    sb_release(&sql);
    sb_adds(out, "</div>\n");
}

static void add_article(strbuf *out, const pa_diff *d, const stmt_index *ix, const pa_plan *p,
                        size_t i)
{
    const pa_change *c = &d->changes[i];
    const char *action = diff_action_name(c);
    unsigned hazards = change_hazards(ix, p, i);
    sb_addf(out, "<article class=\"change\" id=\"change-%zu\" data-kind=\"%s\" "
                 "data-action=\"%s\" data-hazards=\"",
            i, object_of(c)->kind->name, action);
    strbuf names = STRBUF_INIT;
    for (int h = 0; h < PA_NHAZARDS; h++) {
        if (hazards & (1u << h))
            sb_addf(&names, "%s%s", names.len ? " " : "", pa_hazard_names[h]);
    }
    sb_addf(out, "%s\">\n<header><span class=\"action action-%s\">%s</span> "
                 "<code class=\"name\">",
            sb_str(&names), action, action);
    sb_release(&names);
    html_text(out, object_of(c)->key);
    sb_adds(out, "</code>");
    html_hazard_badges(out, hazards);
    sb_adds(out, "</header>\n<div class=\"body\">\n");
    add_side_by_side(out, d, c);
    add_statements(out, ix, p, i);
    sb_adds(out, "</div>\n</article>\n");
}

/* --- grouped by schema, then kind ---------------------------------------- */

static const char *schema_of(const pa_change *c)
{
    return object_of(c)->schema ? object_of(c)->schema : NO_SCHEMA;
}

/* By schema; within one, in the diff's order (kind rank, then key). */
static int by_schema(const void *a, const void *b)
{
    const shown *x = a, *y = b;
    int cmp = strcmp(x->schema, y->schema);
    return cmp ? cmp : (x->index > y->index) - (x->index < y->index);
}

static void add_group_heads(strbuf *out, const pa_change *c, const pa_change *prev)
{
    bool new_schema = !prev || strcmp(schema_of(c), schema_of(prev)) != 0;
    bool new_kind = new_schema || object_of(c)->kind != object_of(prev)->kind;
    if (prev && new_kind)
        sb_adds(out, "</section>\n");
    if (prev && new_schema)
        sb_adds(out, "</section>\n");
    if (new_schema) {
        sb_adds(out, "<section class=\"group schema\">\n<h3>");
        if (object_of(c)->schema) {
            sb_adds(out, "Schema <code>");
            html_text(out, object_of(c)->schema);
            sb_adds(out, "</code>");
        } else {
            sb_adds(out, "Outside schemas");
        }
        sb_adds(out, "</h3>\n");
    }
    if (new_kind)
        sb_addf(out, "<section class=\"group kind\">\n<h4>%s</h4>\n", object_of(c)->kind->name);
}

void html_changes(strbuf *out, const pa_diff *d, const pa_plan *p)
{
    stmt_index ix;
    index_statements(&ix, d, p);
    shown *order = xmalloc((d->count + 1) * sizeof(*order));
    size_t n = 0;
    for (size_t i = 0; i < d->count; i++) {
        if (has_article(d, &ix, i))
            order[n++] = (shown){schema_of(&d->changes[i]), i};
    }
    qsort(order, n, sizeof(*order), by_schema);
    sb_addf(out, "<section id=\"changes\" data-count=\"%zu\">\n<h2>Changes: %zu object%s</h2>\n",
            n, n, n == 1 ? "" : "s");
    if (n)
        add_filter(out, d, &ix, p, order, n);
    for (size_t k = 0; k < n; k++) {
        add_group_heads(out, &d->changes[order[k].index],
                        k ? &d->changes[order[k - 1].index] : NULL);
        add_article(out, d, &ix, p, order[k].index);
    }
    if (n)
        sb_adds(out, "</section>\n</section>\n");
    sb_adds(out, "</section>\n");
    free(order);
    free(ix.first);
    free(ix.next);
}
