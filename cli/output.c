/* output.c - where the cefo commands write: standard output or one cefo_output, never an input. */
#include <errno.h>
#include <pthread.h>
#include <semaphore.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"

/* The files a command reads (its FILE, scenarios, src= tables and registries): copies, kept
 * to the end of the process (a network may be freed before the writing). */
#define MAX_INPUTS 64
static char *inputs[MAX_INPUTS];
static size_t ninputs;

void cli_input(const char *path)
{
    if (cli_is_stdin(path)) /* standard input is no file an output could replace */
        return;
    for (size_t i = 0; path && i < ninputs; i++)
        if (strcmp(inputs[i], path) == 0)
            return;
    if (path && ninputs < MAX_INPUTS && (inputs[ninputs] = strdup(path)) != NULL)
        ninputs++;
}

void cli_input_network(const cefo_network *net)
{
    for (size_t i = 0; cefo_network_input(net, i); i++)
        cli_input(cefo_network_input(net, i));
}

static int is_stdout(const char *path)
{
    return !path || strcmp(path, "-") == 0;
}

/* The folder of `path` and its last name: "a/b.csv" -> "a", "b.csv"; "b.csv" -> ".", "b.csv". */
static int same_folder_and_name(const char *a, const char *b)
{
    const char *sa = strrchr(a, '/'), *sb = strrchr(b, '/');
    const char *na = sa ? sa + 1 : a, *nb = sb ? sb + 1 : b;
    if (strcmp(na, nb) != 0)
        return 0;
    char da[4096], db[4096];
    snprintf(da, sizeof da, "%.*s", sa ? (int)(sa - a) + 1 : 1, sa ? a : ".");
    snprintf(db, sizeof db, "%.*s", sb ? (int)(sb - b) + 1 : 1, sb ? b : ".");
    struct stat x, y;
    return stat(da, &x) == 0 && stat(db, &y) == 0 && x.st_dev == y.st_dev && x.st_ino == y.st_ino;
}

int cli_same_file(const char *a, const char *b)
{
    struct stat x, y;
    if (strcmp(a, b) == 0)
        return 1;
    if (stat(a, &x) == 0 && stat(b, &y) == 0)
        return x.st_dev == y.st_dev && x.st_ino == y.st_ino;
    return same_folder_and_name(a, b);
}

/* An output that is one of the inputs: refused before anything is written. */
static cefo_status check_not_input(const char *path, cefo_error *err)
{
    struct stat o, in;
    if (stat(path, &o) != 0)
        return CEFO_OK;
    for (size_t i = 0; i < ninputs; i++) {
        if (stat(inputs[i], &in) == 0 && in.st_dev == o.st_dev && in.st_ino == o.st_ino) {
            *err = (cefo_error){.code = CEFO_ERR_CREATE};
            snprintf(err->file, sizeof err->file, "%s", path);
            snprintf(err->message, sizeof err->message,
                     "is the same file as the input %s: refusing to overwrite it", inputs[i]);
            return CEFO_ERR_CREATE;
        }
    }
    return CEFO_OK;
}

cefo_status cli_out_open(cli_out *out, const char *path, int stream, cefo_error *err)
{
    *out = (cli_out){.path = is_stdout(path) ? "standard output" : path};
    if (is_stdout(path)) {
        out->fp = stdout;
        return CEFO_OK;
    }
    cefo_status st = check_not_input(path, err);
    if (st == CEFO_OK)
        st = cefo_output_open(&out->o, path, err);
    if (st == CEFO_OK && stream)
        st = cefo_output_stream(out->o, &out->fp, err);
    if (st != CEFO_OK) {
        cefo_output_discard(out->o);
        out->o = NULL;
    }
    return st;
}

static cefo_status write_failed(cefo_error *err)
{
    *err = (cefo_error){.code = CEFO_ERR_IO};
    snprintf(err->message, sizeof err->message, "write failed: %s",
             errno ? strerror(errno) : "stream error");
    return CEFO_ERR_IO;
}

/* An error of the writing names the output when the writer could not (a stream has no name). */
static cefo_status named(const cli_out *out, cefo_status st, cefo_error *err)
{
    if (st != CEFO_OK && !err->file[0])
        snprintf(err->file, sizeof err->file, "%s", out->path);
    return st;
}

cefo_status cli_out_finish(cli_out *out, cefo_status st, cefo_error *err)
{
    errno = 0;
    if (st == CEFO_OK && out->o)
        st = cefo_output_finish(out->o, err);
    else if (st == CEFO_OK && out->fp == stdout && (fflush(stdout) != 0 || ferror(stdout)))
        st = write_failed(err);
    return named(out, st, err);
}

cefo_status cli_out_close(cli_out *out, cefo_status st, cefo_error *err)
{
    st = cli_out_finish(out, st, err);
    if (st == CEFO_OK && out->o)
        st = named(out, cefo_output_commit(out->o, err), err);
    else
        cefo_output_discard(out->o);
    out->o = NULL;
    return st;
}

/* ------------------------------------------------------------------ signals */

/*
 * SIGINT, SIGTERM and SIGHUP remove every temporary file, end the engines' child processes, and
 * end the process (128 + signal).
 * OpenBLAS (loaded at the first analysis) and GLPK's callers may run threads of their own,
 * whose signal masks are not ours to set: a handler is installed for the whole process
 * instead, and whichever thread runs it only posts a semaphore (async-signal-safe); one
 * thread of ours waits on it, removes the temporaries under the library's lock, and exits.
 * A signal ignored when cefo started (nohup, a background job's SIGINT) stays ignored.
 */
static sem_t signalled;
static volatile sig_atomic_t caught;

static void on_signal(int sig)
{
    if (!caught)
        caught = sig;
    sem_post(&signalled);
}

static void *cleaner(void *unused)
{
    (void)unused;
    while (sem_wait(&signalled) != 0)
        continue;
    cefo_engines_abort(); /* CBC/CLP children ended, their folders removed */
    cefo_output_remove_temporaries();
    _exit(128 + caught);
    return NULL;
}

void cli_signals_init(void)
{
    static const int sigs[] = {SIGINT, SIGTERM, SIGHUP};
    /* A file size limit (ulimit -f) is a write error, EFBIG, not the end of the process. */
    signal(SIGXFSZ, SIG_IGN);
    pthread_t t;
    if (sem_init(&signalled, 0, 0) != 0 || pthread_create(&t, NULL, cleaner, NULL) != 0)
        return;
    pthread_detach(t);
    struct sigaction sa = {.sa_handler = on_signal, .sa_flags = SA_RESTART};
    sigemptyset(&sa.sa_mask);
    for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++)
        sigaddset(&sa.sa_mask, sigs[i]);
    for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++) {
        struct sigaction old;
        if (sigaction(sigs[i], NULL, &old) == 0 && old.sa_handler != SIG_IGN)
            sigaction(sigs[i], &sa, NULL);
    }
}

void cli_signal_wait(void)
{
    while (caught)
        pause();
}

int cli_close_stdout(int rc)
{
    cli_signal_wait();
    /* Output that never reached its file is an error, whatever the command said. */
    errno = 0;
    int bad = fflush(stdout) != 0 || ferror(stdout);
    bad |= fclose(stdout) != 0;
    if (!bad)
        return rc;
    fprintf(stderr, "cefo: standard output: write failed: %s\n",
            errno ? strerror(errno) : "stream error");
    return rc == EXIT_OPTIMAL || rc == EXIT_NOT_OPTIMAL ? EXIT_IOERR : rc;
}
