/* A plan as JSON, for `pgalign apply`: every statement with its hazards
 * and preflight check, the fingerprints of FROM (as planned) and TARGET,
 * and the options that shaped the comparison, so that apply can inspect
 * FROM the same way and refuse a stale plan. Format: docs/plan-json.md. */
#include "emit/plan_json.h"
#include "emit/changes.h"
#include "emit/json.h"
#include "plan/expand.h"

static const char *const check_names[] = {
    [CHECK_NONE] = NULL,
    [CHECK_NOT_NULL] = "not-null",
    [CHECK_EMPTY_TABLE] = "empty-table",
    [CHECK_CONSTRAINT] = "constraint",
    [CHECK_UNIQUE_INDEX] = "unique-index",
    [CHECK_CAST] = "cast",
    [CHECK_LOSS_ROWS] = "loss-rows",
    [CHECK_LOSS_VALUES] = "loss-values",
    [CHECK_DELETE] = "delete",
};

const char *plan_check_name(check_type type)
{
    return check_names[type];
}

static json_t *string_or_null(const char *s)
{
    return s ? json_string(s) : json_null();
}

static json_t *check_json(const pa_check *c)
{
    json_t *o = json_object();
    json_object_set_new(o, "type", json_string(check_names[c->type]));
    json_object_set_new(o, "table", string_or_null(c->table));
    json_object_set_new(o, "column", string_or_null(c->column));
    json_object_set_new(o, "name", string_or_null(c->name));
    json_object_set_new(o, "definition", string_or_null(c->definition));
    return o;
}

static json_t *statement_json(const pa_stmt *s)
{
    json_t *o = json_object();
    json_object_set_new(o, "sql", json_string(sb_str(&s->sql)));
    json_t *hazards = json_array();
    for (int i = 0; i < PA_NHAZARDS; i++) {
        if (s->hazards & (1u << i))
            json_array_append_new(hazards, json_string(pa_hazard_names[i]));
    }
    json_object_set_new(o, "hazards", hazards);
    if (s->check.type != CHECK_NONE)
        json_object_set_new(o, "preflight", check_json(&s->check));
    if (s->standalone)
        json_object_set_new(o, "standalone", json_true());
    return o;
}

void emit_plan_json(strbuf *out, const pa_plan *p, const char *from_fingerprint,
                    const char *target_fingerprint, int target_major, json_t *options,
                    json_t *not_compared)
{
    json_t *root = json_object();
    json_object_set_new(root, "format", json_string("pgalign-plan"));
    json_object_set_new(root, "version", json_integer(1));
    json_object_set_new(root, "from_fingerprint", json_string(from_fingerprint));
    json_object_set_new(root, "target_fingerprint", json_string(target_fingerprint));
    if (target_major)
        json_object_set_new(root, "target_printed_by", json_integer(target_major));
    json_object_set_new(root, "options", options);
    json_t *stmts = json_array();
    for (size_t i = 0; i < p->nstmts; i++)
        json_array_append_new(stmts, statement_json(p->stmts[i]));
    json_object_set_new(root, "statements", stmts);
    if (p->nnotes) {
        json_t *notes = json_array();
        for (size_t i = 0; i < p->nnotes; i++)
            json_array_append_new(notes, json_string(p->notes[i]));
        json_object_set_new(root, "notes", notes);
    }
    json_object_set_new(root, "renames", json_renames(p->diff ? p->diff->renames : NULL));
    json_object_set_new(root, "not_compared", not_compared);
    if (p->deferred)
        json_object_set_new(root, "deferred", deferred_json(p->deferred));
    json_object_set_new(root, "changes", changes_json(p));
    emit_json(out, root);
}
