/* rank_write.c - decisions ranked by value (cefo rank) as text, JSON and CSV. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/abi.h"
#include "core/alloc.h"
#include "core/error.h"
#include "writers/fmt.h"

static const char *kind_name(cefo_item k)
{
    return k == CEFO_PROCESS ? "process" : k == CEFO_LINK ? "link" : "group";
}

/* The ids of a link's ends and material (all NULL for a row that is not a link). */
static void link_ids(const cefo_network *net, const cefo_rank_row *r, const char *ids[3])
{
    cefo_link_info l;
    ids[0] = ids[1] = ids[2] = NULL;
    if (r->kind != CEFO_LINK || cefo_network_link(net, r->index, &l) != CEFO_OK)
        return;
    ids[0] = cefo_network_id(net, CEFO_PROCESS, l.from);
    ids[1] = cefo_network_id(net, CEFO_PROCESS, l.to);
    ids[2] = cefo_network_id(net, CEFO_MATERIAL, l.material);
}

/* A link has no id: "FROM -> TO (MATERIAL)" for people. */
static const char *label(const cefo_network *net, const cefo_rank_row *r, char *b, size_t n)
{
    if (r->id)
        return r->id;
    const char *ids[3];
    link_ids(net, r, ids);
    snprintf(b, n, "%s -> %s (%s)", ids[0], ids[1], ids[2]);
    return b;
}

/* An objective difference for people: "no plan" where there is none. */
static const char *human_delta(char b[32], double v)
{
    return isinf(v) ? "no plan" : cefo__fmt_human(b, v);
}

typedef struct rank_out {
    const cefo_network *net;
    const cefo_rank_row *rows;
    size_t n;
    double optimum;
} rank_out;

static void write_text(const void *ctx, FILE *fp)
{
    const rank_out *o = ctx;
    char b[32], b2[32], name[512];
    fprintf(fp, "Decisions of %s by value (optimum %s %s)\n", cefo_network_file(o->net),
            cefo__fmt_human(b, o->optimum), cefo__currency(o->net));
    fprintf(fp, "  %-40s %-8s %-6s %14s %14s\n", "decision", "kind", "chosen", "value", "regret");
    for (size_t i = 0; i < o->n; i++) {
        const cefo_rank_row *r = &o->rows[i];
        fprintf(fp, "  %-40s %-8s %-6s %14s %14s\n", label(o->net, r, name, sizeof name),
                kind_name(r->kind), r->chosen ? "yes" : "no", human_delta(b, r->value),
                human_delta(b2, r->regret));
    }
    fputs("\nvalue: the objective with it forbidden minus the optimum (what having it saves);\n"
          "regret: the objective with it forced on minus the optimum.\n", fp);
}

static void json_delta(FILE *fp, const char *key, double v, cefo_solve_status st, int last)
{
    cefo__json_num(fp, key, isinf(v) ? NAN : v, 0);
    fprintf(fp, "\"%s_status\": \"%s\"%s", key, cefo_solve_status_name(st), last ? "" : ", ");
}

static void write_json(const void *ctx, FILE *fp)
{
    const rank_out *o = ctx;
    const cefo_network *net = o->net;
    fputs("{\n  ", fp);
    cefo__json_num(fp, "optimum", o->optimum, 1);
    fputs(",\n  \"decisions\": [", fp);
    for (size_t i = 0; i < o->n; i++) {
        const cefo_rank_row *r = &o->rows[i];
        fprintf(fp, "%s\n    {\"decision\": %zu, \"kind\": \"%s\", \"id\": ", i ? "," : "",
                r->decision, kind_name(r->kind));
        cefo__json_str_or_null(fp, r->id);
        if (r->kind == CEFO_LINK) {
            const char *ids[3];
            link_ids(net, r, ids);
            fputs(", \"from\": ", fp);
            cefo__json_str(fp, ids[0]);
            fputs(", \"to\": ", fp);
            cefo__json_str(fp, ids[1]);
            fputs(", \"material\": ", fp);
            cefo__json_str(fp, ids[2]);
        }
        fprintf(fp, ", \"chosen\": %s, ", r->chosen ? "true" : "false");
        json_delta(fp, "value", r->value, r->forbidden_status, 0);
        json_delta(fp, "regret", r->regret, r->forced_status, 1);
        fputc('}', fp);
    }
    fprintf(fp, "%s]\n}\n", o->n ? "\n  " : "");
}

/* CSV: one line per decision, its number first (so that `cefo merge` joins shards). */
static void write_csv(const void *ctx, FILE *fp)
{
    const rank_out *o = ctx;
    const cefo_network *net = o->net;
    char b[32];
    fputs("decision,kind,id,from,to,material,chosen,value,regret,value_status,regret_status\n",
          fp);
    for (size_t i = 0; i < o->n; i++) {
        const cefo_rank_row *r = &o->rows[i];
        const char *ids[3];
        link_ids(net, r, ids);
        const char *f[] = {kind_name(r->kind), r->id, ids[0], ids[1], ids[2]};
        fprintf(fp, "%zu", r->decision);
        for (int k = 0; k < 5; k++) {
            fputc(',', fp);
            cefo__csv_field(fp, f[k]);
        }
        fprintf(fp, ",%d,%s", r->chosen, isinf(r->value) ? "" : cefo__fmt_num(b, r->value, ""));
        fprintf(fp, ",%s,%s,%s\n", isinf(r->regret) ? "" : cefo__fmt_num(b, r->regret, ""),
                cefo_solve_status_name(r->forbidden_status),
                cefo_solve_status_name(r->forced_status));
    }
}

static const cefo__formats formats = {write_text, write_json, write_csv};

/* Writes the caller's rows, read at its struct size, to a stream (path NULL) or a file. */
static cefo_status write_rows(const cefo_network *net, const cefo_rank_row *rows, size_t n,
                              double optimum, FILE *fp, const char *path, cefo_format format,
                              cefo_error *err, size_t size)
{
    if (!net || (n && cefo__abi_check(rows, size, CEFO__END(cefo_rank_row, forced_status)))
        || (path ? !*path : !fp) || !cefo__format_ok(format))
        return cefo__error(err, CEFO_ERR_ARG, path, 0, NULL, "bad arguments to write a ranking");
    cefo_rank_row *full = cefo__abi_array_in(rows, n, size, sizeof *full);
    if (!full)
        return cefo__error(err, CEFO_ERR_NOMEM, path, 0, NULL, "out of memory");
    rank_out o = {net, full, n, optimum};
    cefo_status st = cefo__write_format(&formats, format, &o, fp, path, err);
    cefo__free(full);
    return st;
}

cefo_status cefo_rank_write_sized(const cefo_network *net, const cefo_rank_row *rows, size_t n,
                                  double optimum, FILE *fp, cefo_format format, cefo_error *err,
                                  size_t size)
{
    return write_rows(net, rows, n, optimum, fp, NULL, format, err, size);
}

cefo_status cefo_rank_write_file_sized(const cefo_network *net, const cefo_rank_row *rows,
                                       size_t n, double optimum, const char *path,
                                       cefo_format format, cefo_error *err, size_t size)
{
    return write_rows(net, rows, n, optimum, NULL, path ? path : "", format, err, size);
}

/* The symbols programs built before the sized functions call (core/abi.h). */
CEFO_API cefo_status(cefo_rank_write)(const cefo_network *net, const cefo_rank_row *rows,
                                      size_t n, double optimum, FILE *fp, cefo_format format,
                                      cefo_error *err);
CEFO_API cefo_status(cefo_rank_write)(const cefo_network *net, const cefo_rank_row *rows,
                                      size_t n, double optimum, FILE *fp, cefo_format format,
                                      cefo_error *err)
{
    return write_rows(net, rows, n, optimum, fp, NULL, format, err,
                      CEFO__END(cefo_rank_row, forced_status));
}

CEFO_API cefo_status(cefo_rank_write_file)(const cefo_network *net, const cefo_rank_row *rows,
                                           size_t n, double optimum, const char *path,
                                           cefo_format format, cefo_error *err);
CEFO_API cefo_status(cefo_rank_write_file)(const cefo_network *net, const cefo_rank_row *rows,
                                           size_t n, double optimum, const char *path,
                                           cefo_format format, cefo_error *err)
{
    return write_rows(net, rows, n, optimum, NULL, path ? path : "", format, err,
                      CEFO__END(cefo_rank_row, forced_status));
}
