/* pgalign snapshot SOURCE [-o FILE.json]: write the inspected schema as a
 * deterministic JSON snapshot, usable later as FROM or TARGET. */
#include "cmd/cmd.h"
#include "source/snapshot.h"
#include "source/tempcluster.h"

#include <stdio.h>

int cmd_snapshot(const pa_options *opt)
{
    pa_model model;
    strbuf err = STRBUF_INIT;
    /* A SQL source goes into the database the cluster makes ready first. */
    strbuf warnings = STRBUF_INIT;
    pa_inspect_options iopt = {.filter = &opt->filter,
                               .verbose = opt->verbose && !opt->quiet,
                               .warnings = opt->quiet ? NULL : &warnings, .jobs = opt->jobs,
                               .sql_database = TEMPCLUSTER_FROM_DATABASE};
    int rc = EXIT_SAME;
    bool inspected = inspect_source(opt->from, &iopt, "SOURCE", &model, &err);
    cmd_print_warnings(&warnings);
    sb_release(&warnings);
    if (!inspected) {
        fprintf(stderr, "pgalign: SOURCE: %s\n", sb_str(&err));
        rc = EXIT_ERROR;
    } else {
        strbuf json = STRBUF_INIT;
        if (!snapshot_write(&model, &json)) {
            fprintf(stderr, "pgalign: out of memory writing the snapshot\n");
            rc = EXIT_ERROR;
        } else if (!cmd_write_output(opt, &json)) {
            rc = EXIT_ERROR;
        }
        sb_release(&json);
    }
    sb_release(&err);
    model_free(&model);
    return rc;
}
