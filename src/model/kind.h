/* A kind is everything pgalign knows about one sort of schema object: the
 * bulk catalog query that lists all of them, the attributes the diff
 * compares (and what a change to each needs), and the DDL to create, drop
 * and alter one. The model, the diff and the planner are generic over
 * this table; each kind fills it in a file of its own (src/kinds/). */
#ifndef PA_MODEL_KIND_H
#define PA_MODEL_KIND_H

#include "model/model.h"
#include "util/strbuf.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct pa_plan pa_plan;

typedef enum attr_change {
    ATTR_ALTER,     /* the kind's alter() applies the change in place */
    ATTR_REPLACE,   /* drop and create again, with dependents */
    ATTR_COMMENT,   /* COMMENT ON <target> IS ..., handled generically */
    ATTR_INFO,      /* facts about one side the rules need; never compared */
    ATTR_ALTER_REBUILDS, /* ALTER in place, but dependents the server does
                          * not adapt itself must be rebuilt around it */
} attr_change;

typedef enum attr_presence {
    OPTIONAL,       /* NULL is a value like any other */
    REQUIRED,       /* never NULL, may be empty (a function without
                     * arguments) */
    NONEMPTY,       /* never NULL nor empty (a type, a definition) */
    /* NULL when a source could not tell (an extension a SQL source
     * recorded but could not create, options the role inspecting may not
     * read): compared only when both are set */
    UNKNOWN_IF_NULL,
} attr_presence;

typedef struct pa_attr_rule {
    const char *name;       /* also the column name in the kind's query */
    attr_change on_change;
    attr_presence presence;
} pa_attr_rule;

/* A piece of a kind's query that differs between server versions. Where
 * the query says {{name}}, the text of the first variant of that name
 * whose server version (PQserverVersion) the server has is put in: list
 * the variants of a name newest first, the last one with since = 0. */
typedef struct pa_sql_variant {
    const char *name;
    int since;
    const char *sql;
} pa_sql_variant;

/* How an object needs a feature that older servers lack. */
typedef enum pa_feature_need {
    /* Its attribute is set at all (match NULL) or its value contains
     * match: a plan for an older server cannot create it. */
    FEATURE_USED,
    /* The same, but match is a word of a ", " list (a privilege) that is
     * left out of TARGET's list instead, as long as the list keeps other
     * words. */
    FEATURE_STRIPPED,
    /* Only changing the attribute of an object both sides have needs it
     * (ALTER TABLE ... SET ACCESS METHOD): creating it with any value
     * works on older servers too. match is not used. */
    FEATURE_CHANGED,
} pa_feature_need;

/* A kind's features end with {.what = NULL}. */
typedef struct pa_feature {
    int attr;               /* an attribute of the kind (its enum) */
    const char *match;
    int since;
    const char *what;       /* "NULLS NOT DISTINCT", for the message */
    pa_feature_need need;
} pa_feature;

/* Query contract: every kind's query returns the columns
 *   schema, name, tbl     identity (schema/tbl may be NULL)
 *   address               "classid/objid/subid" of the object, or NULL
 *   aliases               more addresses meaning the same object, or NULL
 *   deps                  addresses this object depends on beyond pg_depend
 *   ordinal               order among siblings, or NULL
 * plus one column per attribute, named as the attribute. */
struct pa_kind {
    const char *name;
    int rank;                   /* tie-break order in plans */
    /* The first snapshot format version that holds the kind (0: all do),
     * and what the census called its objects before (in older ones). */
    int snapshot_since;
    const char *census_what;
    const char *query;
    /* About the milliseconds the query takes on a big catalog (5,000
     * tables, bench/): pgalign -j shares the queries out over its
     * connections by it. 0 for the small ones. */
    unsigned cost;
    const pa_sql_variant *variants; /* {{name}} texts, NULL-terminated */
    int since;                  /* first server version that has the kind */
    /* A platform's rows (storage buckets): read only under this profile,
     * and only where this relation exists (not every database of the
     * platform's has it, nor does a plain PostgreSQL). Else NULL. */
    const char *profile;
    const char *requires_relation;
    const pa_feature *features; /* what needs a newer server, NULL-terminated */
    const pa_attr_rule *attrs;
    size_t nattrs;
    /* Attributes that are expressions the server prints, as a
     * KIND_ATTR_LIST: kept in their canonical form (model/expression.h),
     * so that what a plan creates compares equal to what it was made
     * from. */
    const int *canonical_attrs;
    /* Other attributes whose text names objects (a grant's "TABLE
     * public.t"), which a rename rewrites (diff/rename.c) as it does the
     * canonical ones. */
    const int *naming_attrs;
    /* Kinds the owning object may be of, if any, NULL-terminated:
     * KIND_PARENTS(&kind_table, &kind_matview) (kinds/kinds.h). */
    const pa_kind *const *parents;
    bool table_in_key;          /* names are unique per table, not schema */
    /* Where its names carry a signature after the name proper ("(" for a
     * function's arguments, " USING " for an operator class's access
     * method): a pattern may name them without it (model/pattern.h). */
    const char *signature;
    bool parent_is_namesake;    /* parent has the same schema, table, name */
    bool parent_outside_schema; /* parent (named by table) has no schema */
    bool schema_filtered;       /* subject to --schema / --exclude-schema */
    bool is_privilege;          /* read only with --with-privileges */
    /* An attribute naming another schema that keeps the object when its
     * own schema is filtered out (a user's trigger on a managed table is
     * kept for its function's schema). */
    const int *filter_schema_attr;  /* KIND_ATTR(...), or NULL */
    /* Objects of this kind in a schema a profile manages are the user's
     * all the same (policies on Supabase's storage.objects): only
     * --schema and --exclude-schema leave them out. */
    bool kept_in_managed_schemas;
    /* Its objects are named by a profile's managed extensions (they have
     * no schema of their own to be filtered by). */
    bool named_by_managed_extensions;
    bool absorbed_on_parent_create; /* emitted inside the parent's CREATE */
    bool absorbed_on_parent_drop;   /* goes away with the parent's DROP */
    /* ...even when it depends on what the plan drops elsewhere (a --data
     * row on a row of another table): nothing but its table needs it. */
    bool absorbed_whatever_it_uses;
    /* Goes away with the DROP COLUMN of a column of its table it uses
     * (the server drops constraints and indexes on a column with it). */
    bool absorbed_on_column_drop;
    bool ignore_auto_deps;      /* its 'a' pg_depend rows mean ownership */
    /* What a plan cannot make (a Vault secret: its value is never read),
     * only say to make by hand: a database a plan built lacks it, and is
     * not compared on it (pa_diff_options.secrets_unset). */
    bool made_by_hand;
    bool holds_data;            /* never rebuilt just for a dependency... */
    /* Its rows are another server's (foreign tables): the preflight never
     * reads them, nor those of its sub-objects (a remote query). */
    bool rows_elsewhere;
    bool (*is_derived)(const pa_object *o); /* ...unless its data is derived */
    /* Optional: the object comes with another one (a partition's
     * columns with its parent's): compared, never given statements. */
    bool (*is_implied)(const pa_object *o);
    /* Optional: the object of m that o is a copy of when o's table is
     * created (a partition's default, its parent's), if o equals it. */
    const pa_object *(*copied_from)(const pa_model *m, const pa_object *o);
    /* Optional: a dependency that orders only o's own statement, and not
     * the statement o's creation is part of (see plan.c make_edges). */
    bool (*dep_orders_own_statement)(const pa_object *o, const pa_object *dep);
    /* Its ALTER makes its dependencies anew (a text search configuration's
     * mappings): altered, it lets go of what it used that the plan drops
     * (the ALTER comes first) and is not rebuilt for that drop. */
    bool alter_remakes_deps;
    bool adapted_by_server;     /* the server adapts it to an ALTER of what
                                 * it depends on (indexes, constraints) */
    bool lock_on_drop;          /* DROP takes an ACCESS EXCLUSIVE lock on a table */
    const char *preamble;       /* statement a plan that creates or alters
                                 * one must run first (once) */

    /* "TABLE public.t": what follows COMMENT ON / DROP. */
    void (*target)(strbuf *sb, const pa_object *o);
    void (*create)(pa_plan *p, const pa_object *to);
    /* NULL means DROP <target>. */
    void (*drop)(pa_plan *p, const pa_object *from);
    void (*alter)(pa_plan *p, const pa_object *from, const pa_object *to,
                  const bool *changed);
    /* Optional: statements after every other of the plan, given the
     * objects of the kind the plan creates, in its order (a --data
     * table's sequence moved past the keys inserted). */
    void (*after_creates)(pa_plan *p, const pa_object *const *created, size_t n);
    /* Optional: a change that needs replacement only in some cases. */
    bool (*needs_replace)(const pa_object *from, const pa_object *to);
    /* Optional: an ALTER that everything depending on the object must be
     * rebuilt around (dropped before, created after), as for a replace. */
    bool (*alter_rebuilds)(const pa_model *to_model, const pa_object *from,
                           const pa_object *to);
    /* Such an ALTER builds the object anew (kind_swap_type): it starts
     * with the privileges a new object gets. */
    bool rebuild_is_new_object;
    /* Optional: whether replacing from loses data (default: no). */
    bool (*replace_loses_data)(const pa_object *from, const pa_object *to);
    /* Optional: o as the review formats show it (the lines the changes'
     * before and after are made of), for a kind whose attributes do not
     * read well as "name: value" lines (a --data row's columns). */
    void (*describe)(strbuf *out, const pa_object *o);
    /* Optional: whether o's values have the shape its statements rely on
     * (an index definition starts "CREATE [UNIQUE ]INDEX "); if not, say
     * why in err. Run by kind_check_shape for every source. */
    bool (*validate)(const pa_object *o, strbuf *err);
};

#define KIND_PARENTS(...) ((const pa_kind *const[]){__VA_ARGS__, NULL})
/* One of a kind's attributes, by its enum, where NULL means none. */
#define KIND_ATTR(attr) ((const int[]){attr})
/* Some of a kind's attributes, by its enum: ends with -1. */
#define KIND_ATTR_LIST(...) ((const int[]){__VA_ARGS__, -1})
/* Whether attr is in a KIND_ATTR_LIST (NULL: an empty one). */
static inline bool kind_attr_listed(const int *list, size_t attr)
{
    for (; list && *list >= 0; list++) {
        if ((size_t)*list == attr)
            return true;
    }
    return false;
}
#define KIND_ATTRS(a) (a), (sizeof(a) / sizeof((a)[0]))
/* A kind's attribute rules are indexed by its enum of attributes, written
 * with designated initializers ([TABLE_OPTIONS] = {"options", ...}); this
 * after both keeps the two the same length (the enum ends with the count;
 * tests/unit/test_kinds.c finds a hole). */
#define KIND_ATTRS_IN_STEP(a, n) \
    _Static_assert(sizeof(a) / sizeof((a)[0]) == (n), #a ": one rule per attribute of its enum")

#endif
