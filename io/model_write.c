/* model_write.c - a problem written out as MPS or CPLEX LP, atomically. */
#include <stdio.h>

#include "core/error.h"
#include "models/result.h"

cefo_status cefo_problem_write(cefo_problem *prob, cefo_model_format format, const char *path,
                               cefo_error *err)
{
    if (!prob || !path || !*path || (format != CEFO_MODEL_MPS && format != CEFO_MODEL_LP))
        return cefo__error(err, CEFO_ERR_ARG, path, 0, NULL, "bad arguments to write a model");
    cefo_output *o;
    cefo_status st = cefo_output_open(&o, path, err);
    if (st != CEFO_OK)
        return st;
    /* GLPK's writers take a path, not a stream: they write the output's file (the temporary
     * file, or a device in place), which is renamed into place only when complete. */
    st = cefo__problem_write_path(prob, format, cefo_output_file(o), err);
    if (st != CEFO_OK) {
        cefo_output_discard(o);
        if (err) /* name the path asked for, not the temporary file */
            snprintf(err->file, sizeof err->file, "%s", path);
        return st;
    }
    return cefo_output_commit(o, err);
}
