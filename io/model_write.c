/* model_write.c - a problem written out as MPS or CPLEX LP, atomically. */
#include <unistd.h>

#include "core/error.h"
#include "io/fmt.h"
#include "models/result.h"

cefo_status cefo_problem_write(cefo_problem *prob, cefo_model_format format, const char *path,
                               cefo_error *err)
{
    if (!prob || !path || !*path || (format != CEFO_MODEL_MPS && format != CEFO_MODEL_LP))
        return cefo__error(err, CEFO_ERR_ARG, path, 0, NULL, "bad arguments to write a model");
    char *tmp;
    int fd;
    cefo_status st = cefo__temp_beside(path, &tmp, &fd, err);
    if (st != CEFO_OK)
        return st;
    /* GLPK's writers take a path, not a stream: it writes the reserved temporary file, which
     * is renamed into place only when complete. */
    close(fd);
    st = cefo__problem_write_path(prob, format, tmp, err);
    return cefo__temp_commit(tmp, path, st, err);
}
