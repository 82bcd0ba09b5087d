/* A plan read back from a file for `pgalign apply`: a .json plan from
 * `pgalign diff --format json` (statements, hazards, preflight checks,
 * fingerprints, options), or a .sql plan (statements and the hazards of
 * their comments; nothing else). */
#ifndef PA_CMD_PLAN_FILE_H
#define PA_CMD_PLAN_FILE_H

#include "cmd/cmd.h"
#include "plan/plan.h"
#include "util/strbuf.h"

#include <stdbool.h>

typedef struct pa_plan_file {
    bool is_json;
    pa_plan plan;               /* the statements */
    char *from_fingerprint;     /* JSON plans only */
    char *target_fingerprint;
    int target_major;           /* whose server printed TARGET (0: unknown) */
    /* Options recorded in the plan; schema names owned here. */
    pa_filter filter;
    bool ignore_extension_versions;
    /* What the plan's diff did not compare, each "kind name (where)";
     * has_not_compared: the plan says (an older one does not). */
    const char **not_compared;
    size_t nnot_compared;
    bool has_not_compared;
    /* The plan's renames (its first statements), for the preflight. */
    pa_rename_list renames;
} pa_plan_file;

bool plan_file_load(const char *path, pa_plan_file *pf, strbuf *err);
void plan_file_free(pa_plan_file *pf);

#endif
