/* The generic diff: objects are matched by identity key and compared
 * attribute by attribute; each kind's rules say whether a difference is an
 * ALTER or needs the object replaced. Replacing an object also rebuilds the
 * objects that depend on it. */
#ifndef PA_DIFF_H
#define PA_DIFF_H

#include "model/model.h"
#include "util/hashmap.h"

#include <stdbool.h>
#include <stddef.h>

typedef enum change_type {
    CHANGE_SAME,
    CHANGE_ADD,
    CHANGE_DROP,
    CHANGE_ALTER,
    CHANGE_REPLACE,
} change_type;

/* What a change asks of the objects that depend on it in FROM. */
typedef enum pa_followers {
    FOLLOWERS_KEPT,             /* nothing: they stay as they are */
    FOLLOWERS_REBUILT,          /* dropped before it, created after it */
    FOLLOWERS_UNADAPTED_REBUILT, /* the same, but for those the server
                                  * adapts to the ALTER itself */
} pa_followers;

typedef struct pa_change {
    change_type type;
    const pa_object *from;  /* NULL for ADD */
    const pa_object *to;    /* NULL for DROP */
    bool *changed;          /* per attribute; NULL when none is */
    bool rebuild;           /* replaced only because a dependency was: */
    const pa_object *rebuilt_for;   /* that dependency, in FROM */
    pa_followers followers;
    /* It comes with another object (a partition's column with its
     * parent's): no statement of its own but its comment (the plan's),
     * and what depends on it follows what changed in it. */
    bool implied;
} pa_change;

typedef struct pa_diff {
    const pa_model *from;
    const pa_model *to;
    pa_change *changes;     /* sorted by kind rank, then key */
    size_t count;
    hashmap by_key;         /* key -> 1 + its index in changes (add_change
                               may move them) */
    size_t alloc;
    /* Grants the plan's new objects get by default, as FROM will have
     * them (see default_privileges.c), and the grants they should lose. */
    pa_model implied_from;
    pa_model implied_to;
    /* Tables and columns renamed in FROM's model before the diff (see
     * rename.h): the plan renames them first. Set by the caller; or NULL. */
    const struct pa_rename_list *renames;
    /* Secrets' values are not compared (pa_diff_options, pa_model). */
    bool secrets_unset;
} pa_diff;

typedef struct pa_diff_options {
    /* "kind.attribute" names never compared (--ignore-extension-versions
     * is "extension.version"); NULL-terminated, or NULL. */
    const char *const *ignored_attrs;
    /* Only extensions missing from FROM (--create-extensions-only). */
    bool create_extensions_only;
    /* Privileges are compared: new objects start with the default
     * privileges this role gets when it creates them (NULL: unknown). */
    bool privileges;
    const char *creating_role;
    /* Keys of objects whose definitions differ in form only, as two majors
     * print them (cmd/alike.c): the same, or NULL. */
    const hashmap *form_only;
    /* Secrets' values (util/optlist.h) are not compared: for a database a
     * plan made, which never sets them, against the plan's TARGET. */
    bool secrets_unset;
    /* Kinds not compared (a snapshot predates them), NULL-terminated, or
     * NULL: their objects count as the same. */
    const pa_kind *const *uncompared_kinds;
    /* Keys of objects whose change --additive holds back (plan/expand.h):
     * taken as the same, so that nothing is rebuilt for them; or NULL. */
    const hashmap *held;
} pa_diff_options;

/* opt may be NULL for the defaults. */
void diff_compute(pa_diff *d, const pa_model *from, const pa_model *to,
                  const pa_diff_options *opt);
void diff_free(pa_diff *d);
const pa_change *diff_find(const pa_diff *d, const char *key);
/* What a change does, as reviews and held-back lists name it: "create",
 * "alter", "replace", "rebuild" (replaced only for something it depends
 * on) or "drop". */
const char *diff_action_name(const pa_change *c);
/* Match from with to again (or add the pair) and compare them. */
typedef void (*diff_rematch_fn)(pa_diff *d, const pa_object *from,
                                const pa_object *to);
void diff_predict_default_privileges(pa_diff *d, const char *role,
                                     diff_rematch_fn rematch);

/* Whether objects of this kind have GRANTs of their own. */
bool diff_kind_has_privileges(const pa_kind *kind);

/* Number of changes that are not CHANGE_SAME. */
size_t diff_count(const pa_diff *d);

#endif
