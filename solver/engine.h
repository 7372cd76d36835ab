/* engine.h - running an external solver program in a private temporary folder. */
#ifndef CEFO_SOLVER_ENGINE_H
#define CEFO_SOLVER_ENGINE_H

#include <stddef.h>

#include "cefo/cefo.h"

/*
 * One run's temporary folder (mkdtemp, mode 0700). While it exists it is registered, so that
 * cefo_engines_abort() (from a signal handler) can end the child and remove the folder.
 */
typedef struct cefo__engine_dir {
    char path[1024];
    int slot;
} cefo__engine_dir;

/* Creates and registers the folder. Returns CEFO_OK, CEFO_ERR_CREATE or CEFO_ERR_NOMEM. */
cefo_status cefo__engine_dir_make(cefo__engine_dir *dir, cefo_error *err);
/* `file` inside the folder, into buf (n bytes). Returns buf. */
const char *cefo__engine_file(const cefo__engine_dir *dir, const char *file, char *buf,
                              size_t n);
/* Removes every file of the folder and the folder, and unregisters it. Accepts a folder
 * that was never made (path empty). */
void cefo__engine_dir_remove(cefo__engine_dir *dir);

/*
 * Runs `argv[0]` (looked up in PATH, no shell) with stdin from /dev/null and stdout and stderr
 * into the folder's log.txt, and waits for it. A child that runs `kill_after` seconds (> 0)
 * is killed. On CEFO_OK, *exit_status is the child's exit code (or 128 + signal).
 * Returns CEFO_ERR_UNAVAILABLE when the program is not installed (naming `package`),
 * CEFO_ERR_SOLVER when it cannot be started or waited for.
 */
cefo_status cefo__engine_run(cefo__engine_dir *dir, char *const argv[], const char *package,
                             double kill_after, int *exit_status, cefo_error *err);

/* Appends the folder's log.txt to `path` (created with the umask when missing). Returns
 * CEFO_OK or CEFO_ERR_CREATE. */
cefo_status cefo__engine_keep_log(const cefo__engine_dir *dir, const char *path, cefo_error *err);

#endif
