/* Object patterns (--exclude, --include): [kind:]name, schema.name or
 * schema.table.name, each part read as pg_dump reads -t: unquoted letters
 * fold to lower case, "double quotes" keep case and dots, and outside
 * quotes * matches any text and ? one character.
 *
 * A pattern names objects by their qualified name, part for part: name
 * for what is outside schemas (a schema, an extension), schema.name for
 * what is in one (a table, a function, an index), schema.table.name for
 * what is named within a table (a column, a constraint, a trigger, a
 * policy, a grant). Where a kind's names carry a signature (a function's
 * arguments, an operator class's "USING btree"), the last part may name
 * it without. */
#ifndef PA_MODEL_PATTERN_H
#define PA_MODEL_PATTERN_H

#include "util/strbuf.h"

#include <stdbool.h>
#include <stddef.h>

#define PATTERN_MAX_PARTS 3

typedef struct pa_pattern_part {
    char *text;             /* unquoted, folded */
    bool *wild;             /* per byte of text: an unquoted * or ? */
} pa_pattern_part;

typedef struct pa_pattern {
    char *source;           /* as written: messages, plan files */
    char *kind;             /* NULL: objects of any kind */
    bool include;           /* --include; else --exclude */
    size_t nparts;
    pa_pattern_part parts[PATTERN_MAX_PARTS];
} pa_pattern;

/* Read text into p; false with the reason in err (an unclosed quote, an
 * empty part, more than three parts). The kind is not checked here. */
bool pattern_parse(const char *text, bool include, pa_pattern *p, strbuf *err);
void pattern_free(pa_pattern *p);

/* Whether p's kind (NULL: any) is word; a space and an underscore are
 * taken as one ("base type" is base_type). */
bool pattern_kind_is(const pa_pattern *p, const char *word);

/* Whether p names the object of kind, qualified by path (npath parts,
 * schema first), whose last part may also be base (NULL: none). */
bool pattern_names(const pa_pattern *p, const char *kind, const char *const *path,
                   size_t npath, const char *base);

/* Glob match of one part against s. */
bool pattern_part_matches(const pa_pattern_part *part, const char *s);

#endif
