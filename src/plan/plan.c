/* Turning a diff into ordered statements.
 *
 * Each change becomes operations (drop, alter, create; a replacement is a
 * drop and a create). Ordering rules, from the dependencies of both sides:
 *  - what is dropped or altered in FROM goes before the drop of anything it
 *    depended on there (and a drop goes before an alter of it);
 *  - what is created or altered for TARGET goes after the create or alter
 *    of anything it depends on there;
 *  - a replacement's drop goes before its create.
 * Sub-objects that live inside their parent's statement (columns inside
 * CREATE TABLE) are "absorbed": their edges become the parent's. The graph
 * is sorted topologically (Kahn), ties broken by phase, kind and key so
 * that the same input always gives the same bytes. */
#include "plan/plan.h"
#include "diff/rename.h"
#include "plan/depgraph.h"
#include "kinds/kinds.h"
#include "emit/quote.h"
#include "util/xalloc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef enum op_type { OP_DROP, OP_ALTER, OP_CREATE } op_type;

typedef struct op {
    op_type type;
    const pa_change *change;
    const pa_object *obj;       /* from for drops, to otherwise */
    struct op *absorbed_into;
} op;

typedef struct builder {
    pa_plan *plan;
    op *ops;
    size_t nops;
    size_t alloc;
    hashmap index[3];           /* key -> op index + 1, per op type */
    /* ALTERs that gave neither a statement nor a note (a merged column's
     * type, which its parent's ALTER changes): see note_unplanned. */
    const op **unplanned;
    size_t nunplanned;
} builder;

const char *const pa_hazard_names[PA_NHAZARDS] = {
    "data-loss", "table-rewrite", "access-exclusive-lock",
    "validates-existing-rows", "index-build", "cannot-run-in-transaction",
};

pa_stmt *plan_stmt(pa_plan *p, unsigned hazards)
{
    p->stmts = xgrow(p->stmts, sizeof(*p->stmts), p->nstmts + 1, &p->alloc);
    pa_stmt *s = xcalloc(1, sizeof(*s));
    p->stmts[p->nstmts++] = s;
    sb_init(&s->sql);
    s->hazards = hazards | p->op_hazards;
    s->change = p->op_change;
    return s;
}

static char *dup_or_null(const char *s)
{
    return s ? xstrdup(s) : NULL;
}

void plan_check(pa_stmt *stmt, check_type type, const pa_object *o,
                const char *column, const char *name, const char *definition)
{
    pa_check *c = &stmt->check;
    /* One check a statement: a second one would replace the first, and
     * preflight would no longer test what the statement needs. */
    if (c->type != CHECK_NONE) {
        fprintf(stderr, "pgalign: BUG: a second check on the statement %s\n",
                sb_str(&stmt->sql));
        abort();
    }
    /* A foreign table's rows are the remote server's: nothing here to
     * check, validate or rewrite (and reading them is a remote query). */
    const pa_object *table = o->table ? o->parent : o;
    if (table && table->kind->rows_elsewhere) {
        stmt->hazards &= ~(unsigned)(HAZ_VALIDATES_ROWS | HAZ_TABLE_REWRITE);
        return;
    }
    strbuf sb = STRBUF_INIT;
    sql_ident_quoted(&sb, o->schema);
    sb_addc(&sb, '.');
    sql_ident_quoted(&sb, o->table ? o->table : o->name);
    c->type = type;
    c->table = sb_detach(&sb);
    if (column) {
        sql_ident_quoted(&sb, column);
        c->column = sb_detach(&sb);
    }
    c->name = dup_or_null(name);
    c->definition = dup_or_null(definition);
}

void plan_standalone(pa_stmt *stmt)
{
    stmt->standalone = true;
}

const pa_model *plan_from(const pa_plan *p)
{
    return p->from;
}

const pa_model *plan_to(const pa_plan *p)
{
    return p->to;
}

bool plan_online(const pa_plan *p)
{
    return p->online;
}

void plan_hazard_list(strbuf *sb, unsigned hazards)
{
    const char *sep = "";
    for (int i = 0; i < PA_NHAZARDS; i++) {
        if (hazards & (1u << i)) {
            sb_addf(sb, "%s%s", sep, pa_hazard_names[i]);
            sep = ", ";
        }
    }
}

void plan_note(pa_plan *p, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    strbuf text = STRBUF_INIT;
    sb_vaddf(&text, fmt, ap);
    va_end(ap);
    /* One line, whatever the names in it hold: it ends up in a comment of
     * the plan, which a line break would end. */
    strbuf line = STRBUF_INIT;
    sb_add_printable(&line, sb_str(&text));
    plan_add_note(p, sb_str(&line));
    plan_warn(p, "%s", sb_str(&line));
    sb_release(&line);
    sb_release(&text);
}

void plan_add_note(pa_plan *p, const char *line)
{
    p->notes = xgrow(p->notes, sizeof(*p->notes), p->nnotes + 1, &p->notes_alloc);
    p->notes[p->nnotes++] = xstrdup(line);
}

void plan_warn(pa_plan *p, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    sb_adds(&p->warnings, "pgalign: warning: ");
    sb_vaddf(&p->warnings, fmt, ap);
    sb_addc(&p->warnings, '\n');
    va_end(ap);
}

bool plan_drops(const pa_plan *p, const pa_object *from)
{
    const pa_change *c = diff_find(p->diff, from->key);
    return c && (c->type == CHANGE_DROP || c->type == CHANGE_REPLACE);
}

/* COMMENT ON the object IS the text, or NULL to remove it. */
static void comment_stmt(pa_plan *p, const pa_object *o, const char *comment)
{
    strbuf *sb = &plan_stmt(p, 0)->sql;
    sb_adds(sb, "COMMENT ON ");
    o->kind->target(sb, o);
    sb_adds(sb, " IS ");
    sql_literal_or_null(sb, comment);
}

void plan_comment(pa_plan *p, const pa_object *o)
{
    int i = kind_comment_attr(o->kind);
    const char *comment = i < 0 ? NULL : o->values[i];
    if (comment)
        comment_stmt(p, o, comment);
}

static void add_op(builder *b, op_type type, const pa_change *c)
{
    b->ops = xgrow(b->ops, sizeof(*b->ops), b->nops + 1, &b->alloc);
    op *o = &b->ops[b->nops++];
    o->type = type;
    o->change = c;
    o->obj = type == OP_DROP ? c->from : c->to;
    o->absorbed_into = NULL;
    hashmap_put(&b->index[type], o->obj->key, (void *)b->nops);
}

static op *find_op(const builder *b, op_type type, const pa_object *obj)
{
    size_t i = (size_t)hashmap_get(&b->index[type], obj->key);
    return i ? &b->ops[i - 1] : NULL;
}

static op *resolve(op *o)
{
    while (o && o->absorbed_into)
        o = o->absorbed_into;
    return o;
}

/* A sub-object that depends on a part of another table being dropped (a
 * foreign key to another dropped table) is dropped on its own, first: left
 * inside its table's DROP it could tie the two tables' drops into a cycle. */
static const pa_object *outermost(const pa_object *o)
{
    while (o->parent)
        o = o->parent;
    return o;
}

/* (A column's default depends on its column, which is part of the same
 * table: it goes with the column's DROP.) */
static bool depends_on_other_drop(const builder *b, const pa_object *o)
{
    for (size_t i = 0; i < o->ndeps; i++) {
        const pa_object *dep = o->deps[i];
        if (dep->parent && outermost(dep) != outermost(o) &&
            find_op(b, OP_DROP, dep))
            return true;
    }
    return false;
}

static bool is_implied(const pa_object *o)
{
    return o->kind->is_implied && o->kind->is_implied(o);
}

/* The op of type on parent, or on the nearest ancestor when parent (and
 * those between) are implied and have no statements of their own: a
 * partition's column goes with the partition. */
static op *ancestor_op(const builder *b, op_type type, const pa_object *parent)
{
    op *o = find_op(b, type, parent);
    while (!o && is_implied(parent) && parent->parent) {
        parent = parent->parent;
        o = find_op(b, type, parent);
    }
    return o;
}

/* Whether obj comes as a copy of another object (a partition's default
 * is its parent's default when it is created) that is final by then: one
 * the plan does not alter, and creates (if at all) inside its table's
 * CREATE, which the new table's own creation follows. */
static bool copied_on_create(const builder *b, const pa_object *obj)
{
    if (!obj->kind->copied_from)
        return false;
    const pa_object *source = obj->kind->copied_from(b->plan->to, obj);
    if (!source || find_op(b, OP_ALTER, source) || find_op(b, OP_DROP, source))
        return false;
    const op *created = find_op(b, OP_CREATE, source);
    return !created || created->absorbed_into;
}

/* The DROP COLUMN of a column of obj's table that obj uses, if the plan
 * has one of its own (not one inside its table's DROP, which obj may have
 * had to leave: see depends_on_other_drop): the server drops obj with it. */
static op *column_drop_op(const builder *b, const pa_object *obj)
{
    for (unsigned i = 0; i < obj->ndeps; i++) {
        const pa_object *dep = obj->deps[i];
        if (dep->parent == obj->parent && dep->kind == &kind_column) {
            op *drop = find_op(b, OP_DROP, dep);
            if (drop && !drop->absorbed_into)
                return drop;
        }
    }
    return NULL;
}

/* Whether TARGET's comment is not FROM's (none where FROM lacks it). */
static bool comment_changed(const pa_change *c)
{
    int i = c->to ? kind_comment_attr(c->to->kind) : -1;
    return i >= 0 && !same_string(c->from ? c->from->values[i] : NULL, c->to->values[i]);
}

static void make_ops(builder *b, const pa_diff *d)
{
    for (size_t i = 0; i < d->count; i++) {
        const pa_change *c = &d->changes[i];
        switch (c->type) {
        case CHANGE_SAME:
            break;
        case CHANGE_ADD:
            add_op(b, OP_CREATE, c);
            break;
        case CHANGE_DROP:
            add_op(b, OP_DROP, c);
            break;
        case CHANGE_ALTER:
            add_op(b, OP_ALTER, c);
            break;
        case CHANGE_REPLACE:
            add_op(b, OP_DROP, c);
            add_op(b, OP_CREATE, c);
            break;
        }
    }
    for (size_t i = 0; i < b->nops; i++) {
        op *o = &b->ops[i];
        const pa_object *parent = o->obj->parent;
        if (!parent)
            continue;
        if (o->type == OP_CREATE && o->obj->kind->absorbed_on_parent_create)
            o->absorbed_into = find_op(b, OP_CREATE, parent);
        if (o->type == OP_DROP && o->obj->kind->absorbed_on_parent_drop &&
            (o->obj->kind->absorbed_whatever_it_uses || !depends_on_other_drop(b, o->obj)))
            o->absorbed_into = ancestor_op(b, OP_DROP, parent);
    }
    /* After the above: which column drops are statements of their own is
     * known only then. */
    for (size_t i = 0; i < b->nops; i++) {
        op *o = &b->ops[i];
        if (o->type == OP_DROP && !o->absorbed_into && o->obj->kind->absorbed_on_column_drop)
            o->absorbed_into = column_drop_op(b, o->obj);
    }
    /* After the above: whether a copy's source is created inside its
     * table's CREATE is known only then. */
    for (size_t i = 0; i < b->nops; i++) {
        op *o = &b->ops[i];
        if (o->type == OP_CREATE && !o->absorbed_into && o->obj->parent &&
            copied_on_create(b, o->obj))
            o->absorbed_into = ancestor_op(b, OP_CREATE, o->obj->parent);
    }
}

static void add_edge(depgraph *g, builder *b, op *before, op *after)
{
    before = resolve(before);
    after = resolve(after);
    if (before && after && before != after)
        depgraph_edge(g, (size_t)(before - b->ops), (size_t)(after - b->ops));
}

static void make_edges(builder *b, depgraph *g)
{
    for (size_t i = 0; i < b->nops; i++) {
        op *o = &b->ops[i];
        const pa_change *c = o->change;
        if (o->type != OP_CREATE) {
            for (size_t j = 0; j < c->from->ndeps; j++) {
                const pa_object *dep = c->from->deps[j];
                add_edge(g, b, o, find_op(b, OP_DROP, dep));
                if (o->type == OP_DROP)
                    add_edge(g, b, o, find_op(b, OP_ALTER, dep));
            }
        }
        if (o->type != OP_DROP) {
            for (size_t j = 0; j < c->to->ndeps; j++) {
                const pa_object *dep = c->to->deps[j];
                const pa_kind *k = c->to->kind;
                if (o->absorbed_into && k->dep_orders_own_statement &&
                    k->dep_orders_own_statement(c->to, dep))
                    continue;
                add_edge(g, b, find_op(b, OP_CREATE, dep), o);
                add_edge(g, b, find_op(b, OP_ALTER, dep), o);
            }
        }
        if (o->type == OP_CREATE && c->type == CHANGE_REPLACE)
            add_edge(g, b, find_op(b, OP_DROP, c->from), o);
    }
}

/* Drops first (dependents before what they depend on), then alters and
 * creates by kind; the key keeps it deterministic. */
static int op_priority(const void *ctx, size_t x, size_t y)
{
    const builder *b = ctx;
    const op *p = &b->ops[x], *q = &b->ops[y];
    int gp = p->type == OP_DROP ? 0 : 1, gq = q->type == OP_DROP ? 0 : 1;
    if (gp != gq)
        return gp - gq;
    int rp = p->obj->kind->rank, rq = q->obj->kind->rank;
    if (gp == 0) {
        rp = -rp;
        rq = -rq;
    }
    if (rp != rq)
        return rp < rq ? -1 : 1;
    if (p->type != q->type)
        return (int)p->type - (int)q->type;
    return strcmp(p->obj->key, q->obj->key);
}

/* Whether TARGET has what from is under another name, created by the
 * plan: an index or constraint of the same definition on the same table.
 * What it enforces or speeds up stays; dropping it loses nothing. */
static bool created_under_another_name(const builder *b, const pa_object *from)
{
    if (!from->parent)
        return false;
    const pa_object *table = model_find(b->plan->to, from->parent->key);
    for (const pa_object *c = table ? model_child_of_kind(table, from->kind) : NULL; c;
         c = model_next_of_kind(c)) {
        const op *created = find_op(b, OP_CREATE, c);
        if (created && created->change->type == CHANGE_ADD && rename_same_definition(from, c))
            return true;
    }
    return false;
}

static unsigned drop_hazards(const builder *b, const op *o)
{
    const pa_change *c = o->change;
    if (c->type == CHANGE_DROP && created_under_another_name(b, c->from))
        return 0;
    if (c->type != CHANGE_REPLACE)
        return HAZ_DATA_LOSS;
    const pa_kind *k = c->from->kind;
    if (k->replace_loses_data && k->replace_loses_data(c->from, c->to))
        return HAZ_DATA_LOSS;
    return 0;
}

static void emit_alter_comment(pa_plan *p, const pa_change *c)
{
    if (comment_changed(c))
        comment_stmt(p, c->to, c->to->values[kind_comment_attr(c->to->kind)]);
}

void plan_drop_object(pa_plan *p, const pa_object *from)
{
    if (from->kind->drop) {
        from->kind->drop(p, from);
    } else {
        strbuf *sb = &plan_stmt(p, from->kind->lock_on_drop ? HAZ_ACCESS_EXCLUSIVE : 0)->sql;
        sb_adds(sb, "DROP ");
        from->kind->target(sb, from);
    }
}

void plan_create_object(pa_plan *p, const pa_object *to)
{
    to->kind->create(p, to);
    plan_comment(p, to);
}

/* Comments of sub-objects created inside this object's statement. */
static void emit_absorbed_comments(builder *b, const op *o, const pa_object *obj)
{
    for (const pa_object *c = obj->first_child; c; c = c->next_sibling) {
        const op *child = find_op(b, OP_CREATE, c);
        if (child && resolve((op *)child) == o) {
            plan_comment(b->plan, c);
            emit_absorbed_comments(b, o, c);
        }
    }
}

static void emit_op(builder *b, op *o)
{
    pa_plan *p = b->plan;
    const pa_kind *k = o->obj->kind;
    if (o->absorbed_into)
        return;
    p->op_change = o->change;
    switch (o->type) {
    case OP_DROP:
        p->op_hazards = drop_hazards(b, o);
        plan_drop_object(p, o->obj);
        break;
    case OP_ALTER: {
        size_t nstmts = p->nstmts, nnotes = p->nnotes;
        p->op_hazards = 0;
        if (k->alter)
            k->alter(p, o->change->from, o->change->to, o->change->changed);
        emit_alter_comment(p, o->change);
        if (p->nstmts == nstmts && p->nnotes == nnotes)
            b->unplanned[b->nunplanned++] = o;
        break;
    }
    case OP_CREATE:
        p->op_hazards = 0;
        plan_create_object(p, o->obj);
        emit_absorbed_comments(b, o, o->obj);
        break;
    }
    p->op_hazards = 0;
    p->op_change = NULL;
}

/* Session settings the kinds being created or altered need, once each,
 * before any other statement. */
static void emit_preambles(builder *b)
{
    /* At most one a kind: few, so a list is enough. */
    const char **done = NULL;
    size_t ndone = 0, alloc = 0;
    for (size_t i = 0; i < b->nops; i++) {
        const op *o = &b->ops[i];
        const char *pre = o->obj->kind->preamble;
        if (!pre || o->type == OP_DROP || o->absorbed_into)
            continue;
        bool seen = false;
        for (size_t j = 0; j < ndone; j++)
            seen |= strcmp(done[j], pre) == 0;
        if (seen)
            continue;
        done = xgrow(done, sizeof(*done), ndone + 1, &alloc);
        done[ndone++] = pre;
        sb_adds(&plan_stmt(b->plan, 0)->sql, pre);
    }
    free(done);
}

/* A cycle in the dependencies was broken by going on with the operation
 * kind order puts first: name it, as pg_dump does, since the plan may
 * fail there (or the cycle may be a bug of pgalign's). */
static void warn_cycles(pa_plan *p, const builder *b, const size_t *released)
{
    static const char *const op_names[] = {"drop", "alter", "create"};
    for (size_t i = 0; i < p->cycles_broken; i++) {
        const op *o = &b->ops[released[i]];
        plan_warn(p, "dependency cycle: the %s of %s was put first by kind order",
                  op_names[o->type], o->obj->key);
    }
}

/* A plan whose differences all gave no statement would be "in sync":
 * each is a note instead, so that the verdict says they differ. Beside
 * other statements they are left alone: those change them (a merged
 * column's type), or they are drift all the same. */
static void note_unplanned(pa_plan *p, const builder *b)
{
    if (p->nstmts > 0 || p->nnotes > 0)
        return;
    for (size_t i = 0; i < b->nunplanned; i++)
        plan_note(p, "%s differs, but pgalign has no statement that changes it",
                  b->unplanned[i]->obj->key);
}

/* What kinds add after all else, given what the plan creates of each. */
static void emit_after_creates(builder *b, const size_t *order)
{
    const pa_object **created = xmalloc(sizeof(*created) * (b->nops + 1));
    for (size_t k = 0; k < pa_nkinds; k++) {
        const pa_kind *kind = pa_kinds[k];
        if (!kind->after_creates)
            continue;
        size_t n = 0;
        for (size_t i = 0; i < b->nops; i++) {
            const op *o = &b->ops[order[i]];
            if (o->type == OP_CREATE && !o->absorbed_into && o->obj->kind == kind)
                created[n++] = o->obj;
        }
        if (n)
            kind->after_creates(b->plan, created, n);
    }
    free(created);
}

/* FROM's model has the new names already; the database gets them first. */
static void emit_renames(pa_plan *p, const pa_rename_list *renames)
{
    for (size_t i = 0; renames && i < renames->count; i++)
        rename_statement(&plan_stmt(p, HAZ_ACCESS_EXCLUSIVE)->sql, &renames->items[i]);
}

/* An implied object comes with another (a child table's inherited column
 * with its parent's), but its comment is its own: set last, when every
 * table and column the plan makes is there. */
static void emit_implied_comments(pa_plan *p, const pa_diff *d)
{
    for (size_t i = 0; i < d->count; i++) {
        const pa_change *c = &d->changes[i];
        if (c->implied && comment_changed(c))
            emit_alter_comment(p, c);
    }
}

void plan_build(pa_plan *p, const pa_diff *d, bool online)
{
    memset(p, 0, sizeof(*p));
    p->online = online;
    p->from = d->from;
    p->to = d->to;
    p->diff = d;
    builder b;
    memset(&b, 0, sizeof(b));
    b.plan = p;
    for (int t = 0; t < 3; t++)
        hashmap_init(&b.index[t]);
    make_ops(&b, d);

    depgraph g;
    depgraph_init(&g, b.nops);
    make_edges(&b, &g);
    size_t *order = xmalloc(sizeof(size_t) * (b.nops + 1));
    size_t *released = xmalloc(sizeof(size_t) * (b.nops + 1));
    p->cycles_broken = depgraph_sort(&g, op_priority, &b, order, released);
    warn_cycles(p, &b, released);

    emit_preambles(&b);
    emit_renames(p, d->renames);
    b.unplanned = xmalloc(sizeof(*b.unplanned) * (b.nops + 1));
    for (size_t i = 0; i < b.nops; i++)
        emit_op(&b, &b.ops[order[i]]);
    emit_implied_comments(p, d);
    emit_after_creates(&b, order);
    note_unplanned(p, &b);

    free(b.unplanned);
    free(order);
    free(released);
    depgraph_free(&g);
    for (int t = 0; t < 3; t++)
        hashmap_free(&b.index[t]);
    free(b.ops);
}

void plan_stmt_free(pa_stmt *s)
{
    if (!s)
        return;
    sb_release(&s->sql);
    free(s->check.table);
    free(s->check.column);
    free(s->check.name);
    free(s->check.definition);
    free(s);
}

void plan_free(pa_plan *p)
{
    for (size_t i = 0; i < p->nstmts; i++)
        plan_stmt_free(p->stmts[i]);
    free(p->stmts);
    sb_release(&p->warnings);
    for (size_t i = 0; i < p->nnotes; i++)
        free(p->notes[i]);
    free(p->notes);
    memset(p, 0, sizeof(*p));
}

size_t plan_count_hazard(const pa_plan *p, unsigned hazard)
{
    size_t n = 0;
    for (size_t i = 0; i < p->nstmts; i++)
        n += (p->stmts[i]->hazards & hazard) != 0;
    return n;
}

void loss_list_free(pa_loss_list *list)
{
    for (size_t i = 0; i < list->count; i++) {
        free(list->items[i].what);
        free(list->items[i].unit);
    }
    free(list->items);
    memset(list, 0, sizeof(*list));
}

void loss_text(strbuf *sb, const pa_loss *loss)
{
    sb_addf(sb, "%s %lld %s%s", loss->what, loss->count, loss->unit,
            loss->count == 1 ? "" : "s");
}
