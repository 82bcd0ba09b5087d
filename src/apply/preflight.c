/* Preflight: before a plan touches FROM, count the rows that would make
 * its statements fail — NULLs for SET NOT NULL, rows for a new NOT NULL
 * column without a default, rows failing a new CHECK, duplicate groups for
 * a new UNIQUE / PRIMARY KEY / unique index, orphans for a new FOREIGN
 * KEY, values a type change cannot convert. And what each destructive
 * statement loses (rows of a dropped table, values of a dropped column,
 * values a lossy type change alters): shown, never a failure. Read only: one REPEATABLE READ
 * READ ONLY transaction, a savepoint around each check so that a check
 * that cannot run (it uses a column the plan adds) is reported and the
 * others go on. Tables the plan creates have no rows and are skipped.
 * Over a network the checks cost two round trips: one batch asks which
 * tables exist, one runs every count (pipeline.c); only a type change
 * whose bulk cast fails is then counted row by row. */
#include "apply/preflight.h"
#include "apply/tableview.h"
#include "source/conn.h"
#include "source/pipeline.h"
#include "util/progress.h"
#include "emit/quote.h"
#include "util/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char begin_sql[] = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY";
static const char savepoint_sql[] = "SAVEPOINT pgalign_preflight";
static const char rollback_to_sql[] = "ROLLBACK TO SAVEPOINT pgalign_preflight";
static const char end_sql[] = "ROLLBACK";

/* A count waiting for the batch, and what to say when it is not zero. */
typedef struct pending {
    const pa_check *check;
    size_t stmt;        /* the statement's index in the plan */
    char *sql;
    char *unit;         /* "row", "value", "duplicate group" */
    char *what;         /* "in ... violate ..." */
    char *fallback;     /* a DO block counting row by row when sql fails */
    bool loss;          /* what a statement loses, not a failure */
} pending;

typedef struct checker {
    PGconn *conn;
    const pa_plan *plan;
    const pa_rename_list *renames;  /* the plan's, run before its checks */
    char *source;               /* the checked table, as FROM has it now */
    strbuf *report;
    pa_loss_list *losses;       /* or NULL: losses go to the report */
    size_t stmt;                /* the statement being checked */
    size_t failures;
    size_t unchecked;
    long long notice_count;     /* from the DO block that counts casts */
    pending *queue;             /* the counts, in the order of the checks */
    size_t nqueue;
    /* The foreign keys referencing the tables DELETEs are checked on, a
     * lookup a table (references_sql). */
    char **referenced;
    PGresult **references;
    size_t nreferenced;
    char **tables;              /* tables the checks read ... */
    bool *exists;               /* ... and whether FROM has them */
    size_t ntables;
} checker;

/* The text of the first parenthesized group at or after s, without the
 * parentheses; quotes and nesting respected. NULL if none. */
static char *paren_group(const char *s, const char **end)
{
    const char *open = strchr(s, '(');
    if (!open)
        return NULL;
    int depth = 0;
    char quote = 0;
    for (const char *c = open; *c; c++) {
        if (quote) {
            if (*c == quote)
                quote = 0;
        } else if (*c == '"' || *c == '\'') {
            quote = *c;
        } else if (*c == '(') {
            depth++;
        } else if (*c == ')' && --depth == 0) {
            if (end)
                *end = c + 1;
            return xstrndup(open + 1, (size_t)(c - open - 1));
        }
    }
    return NULL;
}

/* Run a count query inside the savepoint; -1 when it cannot run, with
 * the server's message in why. For the row-by-row fallback only: the
 * counts are sent as one batch (run_counts). */
static long long run_count(checker *ck, const char *sql, strbuf *why)
{
    PGresult *res = PQexec(ck->conn, savepoint_sql);
    PQclear(res);
    res = PQexec(ck->conn, sql);
    long long n = -1;
    if (PQresultStatus(res) == PGRES_COMMAND_OK)
        n = ck->notice_count;
    else
        conn_error(why, ck->conn);
    PQclear(res);
    res = PQexec(ck->conn, n < 0 ? rollback_to_sql : "RELEASE SAVEPOINT pgalign_preflight");
    PQclear(res);
    return n;
}

static bool table_exists(const checker *ck, const char *table)
{
    for (size_t i = 0; i < ck->ntables; i++)
        if (strcmp(ck->tables[i], table) == 0)
            return ck->exists[i];
    return false;
}

/* A count that cannot run because it reads a column FROM does not have
 * yet: one the plan adds before the statement that is checked. */
#define COUNT_NEW_COLUMN (-3)

static void unchecked(checker *ck, const pa_check *c, const strbuf *why)
{
    ck->unchecked++;
    const char *what = c->type == CHECK_CAST ? c->column : c->name ? c->name : c->column;
    sb_addf(ck->report, "preflight: could not check %s on %s: %s\n",
            what ? what : "a statement", c->table, sb_str(why));
}

/* what, with its verb in the singular when one row is meant ("violate"
 * and "have" are the verbs the messages use). */
static void add_agreeing(strbuf *sb, const char *what, bool singular)
{
    static const char *const verbs[][2] = {{" violate ", " violates "},
                                           {" have ", " has "}};
    for (size_t i = 0; singular && i < 2; i++) {
        const char *at = strstr(what, verbs[i][0]);
        if (at) {
            sb_add(sb, what, (size_t)(at - what));
            sb_adds(sb, verbs[i][1]);
            sb_adds(sb, at + strlen(verbs[i][0]));
            return;
        }
    }
    sb_adds(sb, what);
}

/* The count n of p: a failure when not zero, as "preflight: 3 rows in
 * ..."; a check that could not run when negative. */
static void report_count(checker *ck, const pending *p, long long n, const strbuf *why)
{
    if (p->loss && n < 0) {
        sb_addf(ck->report, "preflight: could not count what %s: %s\n", p->what,
                sb_str(why));
    } else if (p->loss && (n > 0 || (p->check->type != CHECK_CAST &&
                                     p->check->type != CHECK_DELETE))) {
        /* a drop's count even when 0; a type change's or a DELETE's
         * cascade when it touches any */
        pa_loss loss = {p->stmt, n, p->what, p->unit};
        if (ck->losses) {
            pa_loss_list *l = ck->losses;
            l->items = xgrow(l->items, sizeof(*l->items), l->count + 1, &l->alloc);
            l->items[l->count++] = (pa_loss){p->stmt, n, xstrdup(p->what), xstrdup(p->unit)};
        } else {
            sb_adds(ck->report, "preflight: ");
            loss_text(ck->report, &loss);
            sb_addc(ck->report, '\n');
        }
    } else if (p->loss) {
        return;
    } else if (n == COUNT_NEW_COLUMN) {
        ck->unchecked++;
        const pa_check *c = p->check;
        sb_addf(ck->report, "preflight: not checked: %s on %s reads a column the plan "
                "adds (all NULL or its default when added); the server checks it when "
                "the plan runs\n", c->name ? c->name : c->column ? c->column : "a statement",
                c->table);
    } else if (n < 0) {
        unchecked(ck, p->check, why);
    } else if (n > 0) {
        ck->failures++;
        sb_addf(ck->report, "preflight: %lld %s%s ", n, p->unit, n == 1 ? "" : "s");
        add_agreeing(ck->report, p->what, n == 1);
        sb_addc(ck->report, '\n');
    }
}

/* Queue a count with sql (and a row-by-row fallback, or NULL); reported
 * with unit and what. */
static void count_and_report(checker *ck, const pa_check *c, const char *sql,
                             const char *unit, const char *what)
{
    ck->queue = xrealloc(ck->queue, (ck->nqueue + 1) * sizeof(*ck->queue));
    ck->queue[ck->nqueue++] = (pending){c, ck->stmt, xstrdup(sql), xstrdup(unit),
                                        xstrdup(what), NULL, false};
}

/* Queue a count of what c's statement loses: "what n units". */
static void count_loss(checker *ck, const pa_check *c, const char *sql, const char *unit,
                       const char *what)
{
    count_and_report(ck, c, sql, unit, what);
    ck->queue[ck->nqueue - 1].loss = true;
}

/* "a IS NOT NULL AND b IS NOT NULL" for "a, b", with a prefix ("c."). */
static void all_not_null(strbuf *sb, const char *cols, const char *prefix)
{
    char *copy = xstrdup(cols);
    const char *sep = "";
    for (char *col = strtok(copy, ","); col; col = strtok(NULL, ",")) {
        col += strspn(col, " ");
        sb_addf(sb, "%s%s%s IS NOT NULL", sep, prefix, col);
        sep = " AND ";
    }
    free(copy);
}

static void check_duplicates(checker *ck, const pa_check *c, const char *cols,
                             const char *where, bool nulls_distinct, const char *what)
{
    strbuf sql = STRBUF_INIT, msg = STRBUF_INIT;
    sb_addf(&sql, "SELECT count(*) FROM (SELECT 1 FROM %s t WHERE ", ck->source);
    if (nulls_distinct)
        all_not_null(&sql, cols, "");
    else
        sb_adds(&sql, "true");
    if (where)
        sb_addf(&sql, " AND (%s)", where);
    sb_addf(&sql, " GROUP BY %s HAVING count(*) > 1) d", cols);
    sb_addf(&msg, "in %s violate %s", c->table, what);
    count_and_report(ck, c, sql.buf, "duplicate group", msg.buf);
    sb_release(&sql);
    sb_release(&msg);
}

/* The table a FOREIGN KEY definition references, or NULL. */
static char *fk_ref_table(const char *def)
{
    const char *refs = strstr(def, " REFERENCES ");
    if (!refs)
        return NULL;
    refs += strlen(" REFERENCES ");
    return xstrndup(refs, strcspn(refs, "("));
}

static void check_foreign_key(checker *ck, const pa_check *c, const char *def)
{
    const char *after_cols;
    char *cols = paren_group(def, &after_cols);
    const char *refs = strstr(def, " REFERENCES ");
    const char *after_ref;
    char *ref_cols = refs ? paren_group(refs, &after_ref) : NULL;
    if (!cols || !ref_cols) {
        free(cols);
        free(ref_cols);
        return;
    }
    char *ref_table = fk_ref_table(def);
    char *ref_from = tableview_from_name(ck->renames, ref_table);
    char *ref_source = tableview_source(ck->renames, ref_table);
    strbuf sql = STRBUF_INIT, msg = STRBUF_INIT;
    sb_addf(&sql, "SELECT count(*) FROM %s c WHERE ", ck->source);
    all_not_null(&sql, cols, "c.");
    if (table_exists(ck, ref_from)) {
        sb_addf(&sql, " AND NOT EXISTS (SELECT 1 FROM %s p WHERE ", ref_source);
        char *a = xstrdup(cols), *b = xstrdup(ref_cols);
        char *sa, *sb2;
        const char *sep = "";
        for (char *x = strtok_r(a, ",", &sa), *y = strtok_r(b, ",", &sb2); x && y;
             x = strtok_r(NULL, ",", &sa), y = strtok_r(NULL, ",", &sb2)) {
            sb_addf(&sql, "%sp.%s = c.%s", sep, y + strspn(y, " "), x + strspn(x, " "));
            sep = " AND ";
        }
        sb_addc(&sql, ')');
        free(a);
        free(b);
    }
    sb_addf(&msg, "in %s violate FOREIGN KEY \"%s\": no matching row in %s",
            c->table, c->name, ref_table);
    count_and_report(ck, c, sql.buf, "row", msg.buf);
    sb_release(&sql);
    sb_release(&msg);
    free(cols);
    free(ref_cols);
    free(ref_table);
    free(ref_from);
    free(ref_source);
}

static void check_constraint(checker *ck, const pa_check *c)
{
    const char *def = c->definition;
    strbuf sql = STRBUF_INIT, msg = STRBUF_INIT;
    if (strncmp(def, "CHECK ", 6) == 0) {
        char *expr = paren_group(def, NULL);
        if (!expr)
            return;
        sb_addf(&sql, "SELECT count(*) FROM %s t WHERE NOT (%s)", ck->source, expr);
        sb_addf(&msg, "in %s violate CHECK constraint \"%s\" %s", c->table,
                c->name, def);
        count_and_report(ck, c, sql.buf, "row", msg.buf);
        free(expr);
    } else if (strncmp(def, "UNIQUE", 6) == 0 || strncmp(def, "PRIMARY KEY", 11) == 0) {
        bool pk = def[0] == 'P';
        char *cols = paren_group(def, NULL);
        if (!cols)
            return;
        sb_addf(&msg, "%s constraint \"%s\" (%s)", pk ? "PRIMARY KEY" : "UNIQUE", c->name, cols);
        check_duplicates(ck, c, cols, NULL, !strstr(def, "NULLS NOT DISTINCT"), msg.buf);
        if (pk) {
            sb_addf(&sql, "SELECT count(*) FROM %s t WHERE NOT (", ck->source);
            all_not_null(&sql, cols, "");
            sb_addc(&sql, ')');
            sb_reset(&msg);
            sb_addf(&msg, "in %s have NULL in PRIMARY KEY \"%s\" (%s)", c->table,
                    c->name, cols);
            count_and_report(ck, c, sql.buf, "row", msg.buf);
        }
        free(cols);
    } else if (strncmp(def, "FOREIGN KEY", 11) == 0) {
        check_foreign_key(ck, c, def);
    }
    sb_release(&sql);
    sb_release(&msg);
}

/* An index element without ordering, NULLS placement, collation and
 * operator class: what to GROUP BY. */
static void index_element(strbuf *sb, const char *elem)
{
    static const char *const suffixes[] = {" NULLS FIRST", " NULLS LAST", " DESC", " ASC"};
    char *e = xstrdup(elem + strspn(elem, " "));
    for (size_t i = 0; i < 4; i++) {
        size_t n = strlen(e), k = strlen(suffixes[i]);
        if (n > k && strcmp(e + n - k, suffixes[i]) == 0)
            e[n - k] = '\0';
    }
    char *collate = strstr(e, " COLLATE ");
    if (collate)
        *collate = '\0';
    /* "col opclass" or "(expr) opclass": the last word is an opclass when
     * what comes before it is complete. */
    char *space = strrchr(e, ' ');
    if (space && e[0] != '(' && strchr(e, '(') == NULL)
        *space = '\0';
    else if (space && space > e && space[-1] == ')' && strchr(space, ')') == NULL)
        *space = '\0';
    sb_adds(sb, e);
    free(e);
}

static void check_unique_index(checker *ck, const pa_check *c)
{
    const char *using = strstr(c->definition, " USING ");
    const char *end;
    char *elems = using ? paren_group(using, &end) : NULL;
    if (!elems)
        return;
    strbuf cols = STRBUF_INIT, msg = STRBUF_INIT;
    int depth = 0;
    char quote = 0;
    const char *start = elems;
    for (const char *p = elems;; p++) {
        if (quote) {
            quote = *p == quote ? 0 : quote;
        } else if (*p == '"' || *p == '\'') {
            quote = *p;
        } else if (*p == '(') {
            depth++;
        } else if (*p == ')') {
            depth--;
        } else if ((*p == ',' && depth == 0) || *p == '\0') {
            char *elem = xstrndup(start, (size_t)(p - start));
            if (cols.len)
                sb_adds(&cols, ", ");
            index_element(&cols, elem);
            free(elem);
            start = p + 1;
        }
        if (*p == '\0')
            break;
    }
    const char *where = strstr(end, " WHERE ");
    sb_addf(&msg, "unique index \"%s\" (%s)", c->name, cols.buf);
    check_duplicates(ck, c, cols.buf, where ? where + 7 : NULL,
                     !strstr(end, "NULLS NOT DISTINCT"), msg.buf);
    sb_release(&cols);
    sb_release(&msg);
    free(elems);
}

static void notice_counter(void *arg, const PGresult *res)
{
    checker *ck = arg;
    const char *msg = PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY);
    if (msg && strncmp(msg, "pgalign-count:", 14) == 0)
        ck->notice_count = strtoll(msg + 14, NULL, 10);
}

/* Values that the conversion to the new type rejects. A length limit is
 * counted directly (an explicit cast would cut the value, ALTER refuses
 * it); otherwise one cast of all values, and only if that fails a count
 * row by row (the fallback). */
static void check_cast(checker *ck, const pa_check *c)
{
    strbuf sql = STRBUF_INIT, msg = STRBUF_INIT;
    const char *type = c->definition;   /* the type, or "text::" + type */
    const char *shown = type;
    if (strncmp(shown, "text::", 6) == 0)
        shown += 6;
    else if (strncmp(shown, "text[]::", 8) == 0)
        shown += 8;
    sb_addf(&msg, "in %s.%s cannot be converted to %s", c->table, c->column, shown);
    const char *paren = strchr(type, '(');
    bool bounded = paren && (strncmp(type, "character varying(", 18) == 0 ||
                             strncmp(type, "character(", 10) == 0);
    if (bounded) {
        sb_addf(&sql, "SELECT count(*) FROM %s t WHERE length(%s::text) > %ld", ck->source,
                c->column, strtol(paren + 1, NULL, 10));
        count_and_report(ck, c, sql.buf, "value", msg.buf);
    } else {
        sb_addf(&sql, "SELECT count(%s::%s) * 0 FROM %s t", c->column, type, ck->source);
        count_and_report(ck, c, sql.buf, "value", msg.buf);
        sb_reset(&sql);
        sb_addf(&sql,
                "DO $pgalign$ DECLARE pgalign_n bigint := 0; pgalign_r record;"
                " BEGIN FOR pgalign_r IN SELECT %s AS v FROM %s t WHERE %s IS NOT NULL"
                " LOOP BEGIN PERFORM pgalign_r.v::%s; EXCEPTION WHEN others THEN"
                " pgalign_n := pgalign_n + 1; END; END LOOP;"
                " RAISE NOTICE 'pgalign-count:%%', pgalign_n; END $pgalign$",
                c->column, ck->source, c->column, type);
        ck->queue[ck->nqueue - 1].fallback = xstrdup(sql.buf);
    }
    if (c->name) {      /* a lossy change: the values it alters */
        sb_reset(&sql);
        sb_reset(&msg);
        sb_addf(&sql, "SELECT count(*) FROM %s t WHERE %s IS NOT NULL"
                " AND (%s::%s)::%s IS DISTINCT FROM %s", ck->source, c->column, c->column,
                type, c->name, c->column);
        sb_addf(&msg, "ALTER COLUMN %s.%s TYPE %s alters", c->table, c->column, shown);
        count_loss(ck, c, sql.buf, "value", msg.buf);
    }
    sb_release(&sql);
    sb_release(&msg);
}

/* The foreign keys of other tables that reference table (a SQL literal),
 * but those of the tables handled lists (SQL literals): the referencing
 * table, what ON DELETE does, and the columns paired, "c"."a" = p."b".
 * A partition's clones of its parent's key are left out: the parent's
 * counts their rows. */
static const char references_sql[] =
    "SELECT format('%%I.%%I', n.nspname, r.relname), f.confdeltype::text,"
    " (SELECT string_agg(format('c.%%I = p.%%I', a.attname, b.attname), ' AND '"
    "   ORDER BY k.i) FROM unnest(f.conkey, f.confkey) WITH ORDINALITY AS k(ck, fk, i)"
    "   JOIN pg_attribute a ON a.attrelid = f.conrelid AND a.attnum = k.ck"
    "   JOIN pg_attribute b ON b.attrelid = f.confrelid AND b.attnum = k.fk)"
    " FROM pg_constraint f JOIN pg_class r ON r.oid = f.conrelid"
    " JOIN pg_namespace n ON n.oid = r.relnamespace"
    " WHERE f.contype = 'f' AND f.conparentid = 0 AND f.confrelid = to_regclass(%s)"
    " AND f.conrelid NOT IN (SELECT to_regclass(x) FROM unnest(ARRAY[%s]::text[]) AS x"
    "   WHERE to_regclass(x) IS NOT NULL)"
    " ORDER BY 1, 3";
enum { REF_TABLE, REF_ACTION, REF_PAIRS };

/* The references to c's table (references_sql), looked up once a table;
 * NULL when the lookup fails (why says so). */
static const PGresult *references_to(checker *ck, const pa_check *c, strbuf *why)
{
    for (size_t i = 0; i < ck->nreferenced; i++) {
        if (strcmp(ck->referenced[i], c->table) == 0)
            return ck->references[i];
    }
    strbuf table = STRBUF_INIT, sql = STRBUF_INIT;
    sql_literal(&table, ck->source);
    sb_addf(&sql, references_sql, table.buf, c->name && *c->name ? c->name : "NULL");
    PGresult *res = PQexec(ck->conn, sql.buf);
    sb_release(&table);
    sb_release(&sql);
    if (PQresultStatus(res) != PGRES_TUPLES_OK) {
        conn_result_error(why, ck->conn, res);
        PQclear(res);
        return NULL;
    }
    size_t n = ck->nreferenced++;
    ck->referenced = xrealloc(ck->referenced, ck->nreferenced * sizeof(*ck->referenced));
    ck->references = xrealloc(ck->references, ck->nreferenced * sizeof(*ck->references));
    ck->referenced[n] = xstrdup(c->table);
    ck->references[n] = res;
    return res;
}

/* A count of the rows of the referencing tables whose ON DELETE action is
 * one of actions, that reference the rows c's DELETE removes, into sql
 * (the tables, ", " between, into tables). False when there are none. */
static bool referencing_count(const checker *ck, const pa_check *c, const PGresult *refs,
                              const char *actions, strbuf *sql, strbuf *tables)
{
    sb_adds(sql, "SELECT 0");
    bool any = false;
    for (int r = 0; r < PQntuples(refs); r++) {
        if (!strchr(actions, PQgetvalue(refs, r, REF_ACTION)[0]))
            continue;
        const char *table = PQgetvalue(refs, r, REF_TABLE);
        sb_addf(sql, " + (SELECT count(*) FROM %s c WHERE EXISTS (SELECT FROM %s p"
                " WHERE (%s) AND %s))", table, ck->source, c->definition,
                PQgetvalue(refs, r, REF_PAIRS));
        if (!strstr(tables->buf ? tables->buf : "", table))
            sb_addf(tables, "%s%s", tables->len ? ", " : "", table);
        any = true;
    }
    return any;
}

/* What a DELETE of rows takes along through other tables' foreign keys:
 * the rows ON DELETE CASCADE deletes and the references SET NULL or SET
 * DEFAULT resets (losses); rows that reference them without such an
 * action make it fail. Nothing is said of a DELETE that touches none. */
static void check_delete(checker *ck, const pa_check *c)
{
    strbuf why = STRBUF_INIT, sql = STRBUF_INIT, tables = STRBUF_INIT, msg = STRBUF_INIT;
    const PGresult *refs = references_to(ck, c, &why);
    if (!refs) {
        unchecked(ck, c, &why);
        sb_release(&why);
        return;
    }
    static const struct {
        const char *actions;
        const char *what;
        bool loss;
    } counts[] = {
        {"c", "DELETE FROM %s WHERE %s cascades (ON DELETE CASCADE) to %s, deleting", true},
        {"nd", "DELETE FROM %s WHERE %s resets (ON DELETE SET NULL or SET DEFAULT) "
               "the reference in %s of", true},
        {"ar", "in %3$s have a reference to the row DELETE FROM %1$s WHERE %2$s removes "
               "(ON DELETE NO ACTION or RESTRICT): the DELETE would fail", false},
    };
    for (size_t i = 0; i < sizeof(counts) / sizeof(counts[0]); i++) {
        sb_reset(&sql);
        sb_reset(&tables);
        sb_reset(&msg);
        if (!referencing_count(ck, c, refs, counts[i].actions, &sql, &tables))
            continue;
        sb_addf(&msg, counts[i].what, c->table, c->definition, tables.buf);
        if (counts[i].loss)
            count_loss(ck, c, sql.buf, "row", msg.buf);
        else
            count_and_report(ck, c, sql.buf, "row", msg.buf);
    }
    sb_release(&why);
    sb_release(&sql);
    sb_release(&tables);
    sb_release(&msg);
}

static void run_check(checker *ck, const pa_check *c)
{
    strbuf sql = STRBUF_INIT, msg = STRBUF_INIT;
    switch (c->type) {
    case CHECK_NOT_NULL:
        sb_addf(&sql, "SELECT count(*) FROM %s t WHERE %s IS NULL", ck->source, c->column);
        sb_addf(&msg, "in %s violate NOT NULL on %s", c->table, c->column);
        count_and_report(ck, c, sql.buf, "row", msg.buf);
        break;
    case CHECK_EMPTY_TABLE:
        sb_addf(&sql, "SELECT count(*) FROM %s t", ck->source);
        sb_addf(&msg, "in %s: the new column %s is NOT NULL without a default, "
                "so the table must be empty", c->table, c->column);
        count_and_report(ck, c, sql.buf, "row", msg.buf);
        break;
    case CHECK_CONSTRAINT:
        check_constraint(ck, c);
        break;
    case CHECK_UNIQUE_INDEX:
        check_unique_index(ck, c);
        break;
    case CHECK_CAST:
        check_cast(ck, c);
        break;
    case CHECK_LOSS_ROWS:
        sb_addf(&sql, "SELECT count(*) FROM %s t", ck->source);
        sb_addf(&msg, "DROP TABLE %s loses", c->table);
        count_loss(ck, c, sql.buf, "row", msg.buf);
        break;
    case CHECK_LOSS_VALUES:
        sb_addf(&sql, "SELECT count(%s) FROM %s t", c->column, ck->source);
        sb_addf(&msg, "DROP COLUMN %s.%s loses", c->table, c->column);
        count_loss(ck, c, sql.buf, "non-null value", msg.buf);
        break;
    case CHECK_DELETE:
        check_delete(ck, c);
        break;
    case CHECK_NONE:
        break;
    }
    sb_release(&sql);
    sb_release(&msg);
}

static void add_table(checker *ck, char *table)
{
    if (!table)
        return;
    for (size_t i = 0; i < ck->ntables; i++) {
        if (strcmp(ck->tables[i], table) == 0) {
            free(table);
            return;
        }
    }
    ck->tables = xrealloc(ck->tables, (ck->ntables + 1) * sizeof(*ck->tables));
    ck->exists = xrealloc(ck->exists, (ck->ntables + 1) * sizeof(*ck->exists));
    ck->tables[ck->ntables] = table;
    ck->exists[ck->ntables++] = false;
}

/* Every table the checks read: the checked ones and those a new FOREIGN
 * KEY references. */
static void collect_tables(checker *ck, const pa_plan *p)
{
    for (size_t i = 0; i < p->nstmts; i++) {
        const pa_check *c = &p->stmts[i]->check;
        if (c->type == CHECK_NONE)
            continue;
        add_table(ck, tableview_from_name(ck->renames, c->table));
        if (c->type == CHECK_CONSTRAINT && strncmp(c->definition, "FOREIGN KEY", 11) == 0) {
            char *ref = fk_ref_table(c->definition);
            if (ref)
                add_table(ck, tableview_from_name(ck->renames, ref));
            free(ref);
        }
    }
}

/* One batch: the transaction and which of the tables FROM has. */
static bool look_up_tables(checker *ck, strbuf *err)
{
    strbuf sql = STRBUF_INIT;
    sb_adds(&sql, "SELECT pg_catalog.to_regclass(v) IS NOT NULL FROM (VALUES ");
    for (size_t i = 0; i < ck->ntables; i++) {
        sb_addf(&sql, "%s(%zu, ", i ? ", " : "", i);
        sql_literal(&sql, ck->tables[i]);
        sb_addc(&sql, ')');
    }
    sb_adds(&sql, ") AS t(i, v) ORDER BY i");
    const char *batch_sql[2] = {begin_sql, sql.buf};
    pa_pipeline batch;
    bool ok = pipeline_send(&batch, ck->conn, batch_sql, 2, err);
    sb_release(&sql);
    if (!ok)
        return false;
    PGresult *begun = pipeline_next(&batch), *res = pipeline_next(&batch);
    ok = PQresultStatus(begun) == PGRES_COMMAND_OK && PQresultStatus(res) == PGRES_TUPLES_OK &&
         (size_t)PQntuples(res) == ck->ntables;
    for (size_t i = 0; ok && i < ck->ntables; i++)
        ck->exists[i] = strcmp(PQgetvalue(res, (int)i, 0), "t") == 0;
    if (!ok) {
        sb_adds(err, "cannot look up the tables the checks read: ");
        conn_result_error(err, ck->conn, res && *PQresultErrorMessage(res) ? res : begun);
    }
    PQclear(begun);
    PQclear(res);
    pipeline_end(&batch);
    if (!ok)
        PQclear(PQexec(ck->conn, end_sql));
    return ok;
}

/* Why count i did not run, in why (never empty); COUNT_NEW_COLUMN in
 * *count when it reads a column that the plan adds before its statement
 * (decided from the plan: a column of another name that FROM lacks, as
 * after a change to FROM since planning, is a reason like any other). */
static void failed_count(const checker *ck, size_t i, const PGresult *res, long long *count,
                         strbuf *why)
{
    const char *msg = res ? PQresultErrorMessage(res) : "";
    sb_add(why, msg, strcspn(msg, "\n"));
    if (why->len == 0)
        sb_adds(why, "the server gave no reason");
    const pending *p = &ck->queue[i];
    if (same_string(res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL, "42703") &&
        !p->loss && tableview_reads_added_column(ck->plan, p->stmt, p->check->table, p->sql))
        *count = COUNT_NEW_COLUMN;
}

/* One batch: every count, each in a savepoint of its own with a sync
 * point after it so that one that fails leaves the others running, and
 * the end of the transaction. Counts that fail and have a fallback are
 * marked for it (-2). */
static bool run_counts(checker *ck, long long *counts, strbuf *whys, strbuf *err)
{
    pa_pipeline batch;
    pipeline_start(&batch, ck->conn);
    for (size_t i = 0; i < ck->nqueue; i++) {
        pipeline_add(&batch, savepoint_sql);
        pipeline_add(&batch, ck->queue[i].sql);
        pipeline_sync(&batch);
        pipeline_add(&batch, rollback_to_sql);
    }
    pipeline_add(&batch, end_sql);
    if (!pipeline_flush(&batch, err))
        return false;
    bool ok = true;
    for (size_t i = 0; ok && i < ck->nqueue; i++) {
        progress_note("count %zu of %zu", i + 1, ck->nqueue);
        PGresult *saved = pipeline_next(&batch);
        PGresult *res = pipeline_next(&batch);
        PGresult *back = pipeline_next(&batch);
        ok = saved && res && back;
        counts[i] = -1;
        if (PQresultStatus(res) == PGRES_TUPLES_OK && PQntuples(res) == 1)
            counts[i] = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
        else if (ck->queue[i].fallback)
            counts[i] = -2;
        else
            failed_count(ck, i, res, &counts[i], &whys[i]);
        PQclear(saved);
        PQclear(res);
        PQclear(back);
    }
    PGresult *res = ok ? pipeline_next(&batch) : NULL;
    ok = ok && PQresultStatus(res) == PGRES_COMMAND_OK;
    PQclear(res);
    if (!ok)
        conn_error(err, ck->conn);
    pipeline_end(&batch);
    return ok;
}

/* The counts whose bulk cast failed, row by row (rare: there are values
 * that do not convert), in a transaction of their own. */
static bool run_fallbacks(checker *ck, long long *counts, strbuf *whys, strbuf *err)
{
    bool any = false;
    for (size_t i = 0; i < ck->nqueue; i++)
        any = any || counts[i] == -2;
    if (!any)
        return true;
    if (!conn_command(ck->conn, begin_sql, err))
        return false;
    PQnoticeReceiver old = PQsetNoticeReceiver(ck->conn, notice_counter, ck);
    for (size_t i = 0; i < ck->nqueue; i++) {
        if (counts[i] != -2)
            continue;
        ck->notice_count = 0;
        counts[i] = run_count(ck, ck->queue[i].fallback, &whys[i]);
    }
    PQsetNoticeReceiver(ck->conn, old, NULL);
    return conn_command(ck->conn, end_sql, err);
}

static void checker_free(checker *ck)
{
    for (size_t i = 0; i < ck->nqueue; i++) {
        free(ck->queue[i].sql);
        free(ck->queue[i].unit);
        free(ck->queue[i].what);
        free(ck->queue[i].fallback);
    }
    free(ck->queue);
    for (size_t i = 0; i < ck->nreferenced; i++) {
        free(ck->referenced[i]);
        PQclear(ck->references[i]);
    }
    free(ck->referenced);
    free(ck->references);
    for (size_t i = 0; i < ck->ntables; i++)
        free(ck->tables[i]);
    free(ck->tables);
    free(ck->exists);
}

bool preflight_run(PGconn *conn, const pa_plan *p, const pa_rename_list *renames,
                   strbuf *report, pa_loss_list *losses, preflight_result *result,
                   strbuf *err)
{
    checker ck = {.conn = conn, .plan = p, .renames = renames, .report = report,
                  .losses = losses};
    memset(result, 0, sizeof(*result));
    collect_tables(&ck, p);
    if (ck.ntables == 0)
        return true;    /* no checks: no query */
    bool ok = look_up_tables(&ck, err);
    for (size_t i = 0; ok && i < p->nstmts; i++) {
        const pa_check *c = &p->stmts[i]->check;
        if (c->type == CHECK_NONE)
            continue;
        result->checked++;
        ck.stmt = i;
        char *from = tableview_from_name(renames, c->table);
        ck.source = tableview_source(renames, c->table);
        if (table_exists(&ck, from))
            run_check(&ck, c);
        free(from);
        free(ck.source);
        ck.source = NULL;
    }
    long long *counts = xcalloc(ck.nqueue + 1, sizeof(*counts));
    strbuf *whys = xcalloc(ck.nqueue + 1, sizeof(*whys));
    progress_step("preflight:");
    ok = ok && run_counts(&ck, counts, whys, err) && run_fallbacks(&ck, counts, whys, err);
    progress_end();
    for (size_t i = 0; i < ck.nqueue; i++) {
        if (ok)
            report_count(&ck, &ck.queue[i], counts[i], &whys[i]);
        sb_release(&whys[i]);
    }
    free(counts);
    free(whys);
    result->failures = ck.failures;
    result->unchecked = ck.unchecked;
    checker_free(&ck);
    return ok;
}
