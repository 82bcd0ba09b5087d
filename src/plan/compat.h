/* What FROM's server can express. A plan is written for FROM's server, so
 * an object that TARGET has or changes, and that uses something FROM's
 * major version lacks (each kind lists those as pa_feature data), cannot
 * be planned: say which objects and which version they need. */
#ifndef PA_COMPAT_H
#define PA_COMPAT_H

#include "diff/diff.h"
#include "model/model.h"
#include "util/strbuf.h"

#include <stdbool.h>

/* False when some change needs a newer server than from_version (0 means
 * unknown: nothing is checked); err then lists each object on a line. */
bool compat_check(const pa_diff *d, int from_version, strbuf *err);

/* Take out of TARGET's lists what FROM's server has no word for (the
 * features FEATURE_STRIPPED), where the list keeps other words; a count of
 * each is added to warnings. */
void compat_adapt(pa_model *to, int from_version, strbuf *warnings);

/* "17" for 170004, "9.6" for 90624. */
void compat_version_name(strbuf *sb, int server_version);

#endif
