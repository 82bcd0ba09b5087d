/* What the plan asks of a procedural language (language.c). */
#ifndef PA_KINDS_LANGUAGE_H
#define PA_KINDS_LANGUAGE_H

#include "model/model.h"

#include <stdbool.h>

/* Whether PUBLIC may be granted USAGE on it: only a trusted language has
 * grants (the server refuses them on an untrusted one). */
bool language_is_trusted(const pa_object *o);

#endif
