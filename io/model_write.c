/* model_write.c - a problem written out as MPS or CPLEX LP, atomically. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/alloc.h"
#include "core/error.h"
#include "models/result.h"

cefo_status cefo_problem_write(cefo_problem *prob, cefo_model_format format, const char *path,
                               cefo_error *err)
{
    if (!prob || !path || !*path || (format != CEFO_MODEL_MPS && format != CEFO_MODEL_LP))
        return cefo__error(err, CEFO_ERR_ARG, path, 0, NULL, "bad arguments to write a model");
    size_t n = strlen(path);
    char *tmp = cefo__malloc(n + 8);
    if (!tmp)
        return cefo__error(err, CEFO_ERR_NOMEM, path, 0, NULL, "out of memory");
    memcpy(tmp, path, n);
    memcpy(tmp + n, ".XXXXXX", 8);
    /* GLPK's writers take a path, not a stream: reserve a temporary name beside the output,
     * let GLPK write it, and rename it into place only when complete. */
    int fd = mkstemp(tmp);
    cefo_status st = fd >= 0 ? CEFO_OK
                             : cefo__error(err, CEFO_ERR_CREATE, path, 0, NULL,
                                           "cannot create: %s", strerror(errno));
    if (fd >= 0) {
        close(fd);
        st = cefo__problem_write_path(prob, format, tmp, err);
        if (st == CEFO_OK && rename(tmp, path) != 0)
            st = cefo__error(err, CEFO_ERR_CREATE, path, 0, NULL, "cannot rename into place: %s",
                             strerror(errno));
        if (st != CEFO_OK)
            unlink(tmp);
    }
    cefo__free(tmp);
    return st;
}
