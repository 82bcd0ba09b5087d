/* Snapshots: the inspected model written out as JSON, and read back as a
 * source. See docs/snapshot.md for the format. */
#ifndef PA_SNAPSHOT_H
#define PA_SNAPSHOT_H

#include "model/filter.h"
#include "model/model.h"
#include "util/strbuf.h"

#define PA_SNAPSHOT_FORMAT "pgalign-snapshot"
/* 2: foreign data wrappers and servers; 3: user mappings; 4: text search
 * parsers, templates, dictionaries and configurations. Older versions
 * are read too; the kinds a snapshot predates are not compared (model.h's
 * snapshot_version). */
#define PA_SNAPSHOT_VERSION 4

/* Deterministic JSON text: sorted keys, objects in model order (kind rank,
 * then key), dependencies sorted, a trailing newline. False when out
 * of memory. */
bool snapshot_write(const pa_model *m, strbuf *out);

/* Load and validate a snapshot file into m (initialized here); objects
 * outside the filter are left out. On failure, false with a one-line
 * reason in err. */
bool snapshot_load(const char *path, const pa_filter *f, pa_model *m, strbuf *err);

#endif
