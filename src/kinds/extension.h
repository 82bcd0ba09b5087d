/* What other code writes of an extension. */
#ifndef PA_KINDS_EXTENSION_H
#define PA_KINDS_EXTENSION_H

#include "model/model.h"

/* Its schema and version; NULL where a source could not tell. */
void extension_set_schema(pa_model *m, pa_object *ext, const char *schema);
void extension_set_version(pa_model *m, pa_object *ext, const char *version);

#endif
