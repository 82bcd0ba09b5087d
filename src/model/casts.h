/* Where a model's definitions cast to a type. The server writes an enum
 * constant as 'label'::schema.type (an array as '{a,b}'::schema.type[]);
 * enum.c asks which definitions of TARGET cast to a changed enum. One
 * pass over the model's values, on the first question, answers them all:
 * asking each changed enum by a scan of the model took most of a diff's
 * time on a big catalog. */
#ifndef PA_CASTS_H
#define PA_CASTS_H

#include <stddef.h>

typedef struct pa_model pa_model;
typedef struct pa_cast_index pa_cast_index;

/* The values (comments left out) that contain "::" followed by the
 * qualified name (as kind_qualified writes it); *n of them. */
const char *const *model_cast_uses(const pa_model *m, const char *qualified, size_t *n);

/* Dropped when the model changes (model_add, model_set) and by model_free. */
void cast_index_free(pa_cast_index *ci);

#endif
