/* xmldoc.c - safe file reading and libxml2 parsing shared by every loader. */
#include "io/xmldoc.h"

#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <limits.h>
#include <libxml/SAX2.h>
#include <libxml/globals.h>
#include <libxml/parser.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "core/alloc.h"
#include "core/error.h"
#include "io/registry.h"
#include "io/xmlattr.h"

static int is_compressed(const unsigned char *b, size_t n)
{
    return (n >= 2 && b[0] == 0x1f && b[1] == 0x8b)                     /* gzip */
           || (n >= 6 && memcmp(b, "\xfd" "7zXZ\0", 6) == 0)             /* xz */
           || (n >= 3 && memcmp(b, "BZh", 3) == 0)                       /* bzip2 */
           || (n >= 4 && memcmp(b, "\x28\xb5\x2f\xfd", 4) == 0);         /* zstd */
}

cefo_status cefo__read_file(const char *path, char **buf, size_t *len, cefo_error *err)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return cefo__error(err, errno == ENOENT ? CEFO_ERR_NOFILE : CEFO_ERR_IO, path, 0, NULL,
                           "cannot open: %s", strerror(errno));
    cefo_status st = CEFO_OK;
    char *b = NULL;
    size_t n = 0, cap = 0;
    struct stat sb;
    if (fstat(fileno(fp), &sb) == 0 && S_ISDIR(sb.st_mode)) {
        st = cefo__error(err, CEFO_ERR_IO, path, 0, NULL, "is a directory");
        goto done;
    }
    /* A regular file says its size: refuse an oversize one before reading a byte of it. */
    if (S_ISREG(sb.st_mode) && (uintmax_t)sb.st_size > CEFO__MAX_INPUT_BYTES) {
        st = cefo__error(err, CEFO_ERR_INVALID, path, 0, NULL,
                         "file is larger than the %zu MiB input limit",
                         CEFO__MAX_INPUT_BYTES >> 20);
        goto done;
    }
    for (;;) {
        if (cefo__grow((void **)&b, &cap, n + 65536 + 1, 1) != 0) {
            st = cefo__error(err, CEFO_ERR_NOMEM, path, 0, NULL, "out of memory reading");
            goto done;
        }
        size_t got = fread(b + n, 1, cap - n - 1, fp);
        n += got;
        if (n > CEFO__MAX_INPUT_BYTES) {
            st = cefo__error(err, CEFO_ERR_INVALID, path, 0, NULL,
                             "file is larger than the %zu MiB input limit",
                             CEFO__MAX_INPUT_BYTES >> 20);
            goto done;
        }
        if (got == 0)
            break;
    }
    if (ferror(fp)) {
        st = cefo__error(err, CEFO_ERR_IO, path, 0, NULL, "read error");
        goto done;
    }
    b[n] = '\0';
done:
    fclose(fp);
    if (st != CEFO_OK) {
        cefo__free(b);
        return st;
    }
    *buf = b;
    *len = n;
    return CEFO_OK;
}

typedef struct parse_state {
    const char *name;
    cefo_error *err;
    int failed;
    cefo_status code;   /* of the first error: CEFO_ERR_PARSE, or CEFO_ERR_NOMEM */
    xmlParserCtxtPtr ctxt;
    startElementNsSAX2Func sax2_start; /* libxml2's own element start, which on_start wraps */
    const cefo__xml_sink *sink;        /* of a streamed parse */
} parse_state;

/* The options of every parse: no network, no entity substitution (so no DTD machinery), no
 * printing; exact line numbers; CDATA as text. */
#define PARSE_OPTIONS                                                                          \
    (XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_BIG_LINES           \
     | XML_PARSE_NOCDATA)

static void generic_sink(void *ctx, const char *msg, ...)
{
    (void)ctx, (void)msg;
}

void cefo__xml_quiet_begin(cefo__xml_quiet *saved, void *ctx, xmlStructuredErrorFunc handler)
{
    *saved = (cefo__xml_quiet){xmlGenericError, xmlGenericErrorContext, xmlStructuredError,
                               xmlStructuredErrorContext};
    xmlSetGenericErrorFunc(NULL, generic_sink);
    xmlSetStructuredErrorFunc(ctx, handler);
}

void cefo__xml_quiet_end(const cefo__xml_quiet *saved)
{
    xmlSetGenericErrorFunc(saved->generic_ctx, saved->generic);
    xmlSetStructuredErrorFunc(saved->structured_ctx, saved->structured);
}

/* libxml2 ran out of memory: whatever it reports then is no verdict on the input. */
static int out_of_memory(parse_state *ps, const xmlError *e, int line)
{
    if (e->code != XML_ERR_NO_MEMORY && e->domain != XML_FROM_MEMORY)
        return 0;
    ps->failed = 1;
    ps->code = CEFO_ERR_NOMEM;
    cefo__error(ps->err, CEFO_ERR_NOMEM, ps->name, line, NULL, "out of memory parsing the XML");
    return 1;
}

/* Errors raised outside the parser context (encoding conversion): the input is unusable. */
static void on_channel_error(void *data, xmlErrorPtr e)
{
    parse_state *ps = data;
    if (ps->failed || !e || e->level < XML_ERR_ERROR)
        return;
    if (out_of_memory(ps, e, ps->ctxt ? xmlSAX2GetLineNumber(ps->ctxt) : 0))
        return;
    ps->failed = 1;
    cefo__error(ps->err, CEFO_ERR_PARSE, ps->name,
                ps->ctxt ? xmlSAX2GetLineNumber(ps->ctxt) : 0, NULL,
                "the input is not valid in its character encoding (%s)",
                e->domain == XML_FROM_I18N ? "conversion failed" : "unreadable");
}

/* libxml2's structured error channel: keep the first error, print nothing. */
static void on_error(void *data, xmlErrorPtr e)
{
    xmlParserCtxtPtr ctxt = data;
    parse_state *ps = ctxt->_private;
    if (ps->failed || !e || e->level < XML_ERR_ERROR || out_of_memory(ps, e, e->line))
        return;
    ps->failed = 1;
    /* Some messages run over two lines ("... indicate encoding !\nBytes: 0xFF ..."): one
     * diagnostic is one line, after its FILE:LINE, so line breaks become "; ". */
    char msg[400];
    const char *src = e->message ? e->message : "malformed XML";
    size_t n = 0;
    for (; *src && n + 3 < sizeof msg; src++) {
        if (*src != '\n')
            msg[n++] = *src;
        else if (src[1] && src[1] != '\n')
            msg[n++] = ';', msg[n++] = ' ';
    }
    msg[n] = '\0';
    while (n && msg[n - 1] == ' ')
        msg[--n] = '\0';
    cefo__error(ps->err, CEFO_ERR_PARSE, ps->name, e->line, NULL, "%s", msg);
    if (ps->err)
        ps->err->column = e->int2;
}

/*
 * libxml2 keeps an element's line in 16 bits (65535 means "or more") and only estimates larger
 * ones from neighbouring text. Record the exact line of such elements in their psvi, unused
 * without schema validation, for cefo__xml_line.
 */
static void on_start(void *ctx, const xmlChar *localname, const xmlChar *prefix,
                     const xmlChar *uri, int nns, const xmlChar **ns, int nattr, int ndefaulted,
                     const xmlChar **attrs)
{
    xmlParserCtxtPtr ctxt = ctx;
    parse_state *ps = ctxt->_private;
    ps->sax2_start(ctx, localname, prefix, uri, nns, ns, nattr, ndefaulted, attrs);
    if (ctxt->node && ctxt->input && ctxt->input->line >= 65535)
        ctxt->node->psvi = (void *)(ptrdiff_t)ctxt->input->line;
}

/* A DOCTYPE is the door to entity bombs and external fetches: refuse it outright. */
static void on_doctype(void *data, const xmlChar *name, const xmlChar *ext, const xmlChar *sys)
{
    (void)name, (void)ext, (void)sys;
    xmlParserCtxtPtr ctxt = data;
    parse_state *ps = ctxt->_private;
    if (!ps->failed) {
        ps->failed = 1;
        cefo__error(ps->err, CEFO_ERR_PARSE, ps->name, xmlSAX2GetLineNumber(ctxt), NULL,
                    "a DOCTYPE is not allowed in cefo input");
    }
    xmlStopParser(ctxt);
}

static pthread_once_t init_once = PTHREAD_ONCE_INIT;

static void init_libxml(void)
{
    xmlInitParser();
}

/* A parser context with cefo's hooks: errors kept (the first), nothing printed, DOCTYPE
 * refused. Quiet from the start: a context that cannot be allocated is reported too. */
static xmlParserCtxtPtr open_parser(parse_state *ps, cefo__xml_quiet *saved)
{
    pthread_once(&init_once, init_libxml);
    cefo__xml_quiet_begin(saved, ps, on_channel_error);
    xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
    if (!ctxt) {
        cefo__xml_quiet_end(saved);
        cefo__error(ps->err, CEFO_ERR_NOMEM, ps->name, 0, NULL, "out of memory parsing the XML");
        return NULL;
    }
    ps->ctxt = ctxt;
    ps->sax2_start = ctxt->sax->startElementNs;
    ctxt->_private = ps;
    ctxt->sax->serror = on_error;
    ctxt->sax->internalSubset = on_doctype;
    /* libxml2 hands the parser context to serror as its first argument. */
    ctxt->userData = ctxt;
    return ctxt;
}

/* The verdict on a parse: CEFO_OK, or the first error (with *err set). */
static cefo_status close_parser(parse_state *ps, cefo__xml_quiet *saved, int done)
{
    xmlParserCtxtPtr ctxt = ps->ctxt;
    int failed = ps->failed || !done || !ctxt->wellFormed;
    int nomem = ctxt->errNo == XML_ERR_NO_MEMORY;
    xmlFreeParserCtxt(ctxt);
    cefo__xml_quiet_end(saved);
    if (!failed)
        return CEFO_OK;
    if (!ps->failed)
        return cefo__error(ps->err, nomem ? CEFO_ERR_NOMEM : CEFO_ERR_PARSE, ps->name, 0, NULL,
                           nomem ? "out of memory parsing the XML" : "malformed XML");
    return ps->code;
}

static cefo_status check_size(const char *buf, size_t len, const char *name, cefo_error *err)
{
    if (is_compressed((const unsigned char *)buf, len))
        return cefo__error(err, CEFO_ERR_INVALID, name, 0, NULL,
                           "compressed input is not accepted: decompress it first");
    if (len > CEFO__MAX_INPUT_BYTES || len > (size_t)INT_MAX)
        return cefo__error(err, CEFO_ERR_INVALID, name, 0, NULL, "input is too large");
    return CEFO_OK;
}

cefo_status cefo__xml_parse(const char *buf, size_t len, const char *name, xmlDoc **doc,
                            cefo_error *err)
{
    cefo_status st = check_size(buf, len, name, err);
    if (st != CEFO_OK)
        return st;
    parse_state ps = {name, err, 0, CEFO_ERR_PARSE, NULL, NULL, NULL};
    cefo__xml_quiet saved;
    xmlParserCtxtPtr ctxt = open_parser(&ps, &saved);
    if (!ctxt)
        return CEFO_ERR_NOMEM;
    ctxt->sax->startElementNs = on_start;
    /* COMPACT keeps short text inside its node and NOBLANKS drops the indentation between
     * elements (never text that is an element's whole content, nor under xml:space): on a
     * 30,000-firm network, load 0.97 s -> 0.70 s and peak memory 370 -> 300 MB. */
    int opts = PARSE_OPTIONS | XML_PARSE_COMPACT | XML_PARSE_NOBLANKS;
    xmlDoc *d = xmlCtxtReadMemory(ctxt, buf, (int)len, name, NULL, opts);
    st = close_parser(&ps, &saved, d != NULL);
    if (st != CEFO_OK) {
        xmlFreeDoc(d);
        return st;
    }
    *doc = d;
    return CEFO_OK;
}

/* The events of a streamed parse, handed to the sink; a sink that says stop ends the parse. */
static void sink_stopped(xmlParserCtxtPtr ctxt, parse_state *ps, int stop)
{
    if (stop && !ps->failed) {
        ps->failed = 1;
        ps->code = (cefo_status)stop;
        xmlStopParser(ctxt);
    }
}

static void s_start(void *ctx, const xmlChar *localname, const xmlChar *prefix,
                    const xmlChar *uri, int nns, const xmlChar **ns, int nattr, int ndefaulted,
                    const xmlChar **attrs)
{
    (void)ns;
    xmlParserCtxtPtr ctxt = ctx;
    parse_state *ps = ctxt->_private;
    if (ps->failed)
        return;
    cefo__elem e = {.name = (const char *)localname, .line = ctxt->input->line,
                    .attrs = attrs, .nattrs = nattr};
    sink_stopped(ctxt, ps, ps->sink->start(ps->sink->ctx, &e,
                                           prefix || uri || nns || ndefaulted));
}

static void s_end(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri)
{
    (void)localname, (void)prefix, (void)uri;
    xmlParserCtxtPtr ctxt = ctx;
    parse_state *ps = ctxt->_private;
    if (!ps->failed)
        sink_stopped(ctxt, ps, ps->sink->end(ps->sink->ctx));
}

static void s_text(void *ctx, const xmlChar *s, int len)
{
    xmlParserCtxtPtr ctxt = ctx;
    parse_state *ps = ctxt->_private;
    if (!ps->failed)
        sink_stopped(ctxt, ps, ps->sink->text(ps->sink->ctx, s, len));
}

static void s_comment(void *ctx, const xmlChar *value)
{
    (void)value;
    xmlParserCtxtPtr ctxt = ctx;
    parse_state *ps = ctxt->_private;
    if (!ps->failed)
        sink_stopped(ctxt, ps, ps->sink->other(ps->sink->ctx, NULL, NULL));
}

static void s_pi(void *ctx, const xmlChar *target, const xmlChar *data)
{
    xmlParserCtxtPtr ctxt = ctx;
    parse_state *ps = ctxt->_private;
    if (!ps->failed)
        sink_stopped(ctxt, ps, ps->sink->other(ps->sink->ctx, target, data ? data : BAD_CAST ""));
}

/* An entity reference cannot stand in a document without a DOCTYPE: refuse it anyway. */
static void s_reference(void *ctx, const xmlChar *name)
{
    (void)name;
    xmlParserCtxtPtr ctxt = ctx;
    sink_stopped(ctxt, ctxt->_private, CEFO_ERR_INVALID);
}

/* The file of a streamed parse, read in blocks: compressed or oversize input is refused. */
typedef struct stream_file {
    FILE *fp;
    size_t read;
} stream_file;

static int file_read(void *ctx, char *buf, int len)
{
    stream_file *f = ctx;
    size_t got = fread(buf, 1, (size_t)len, f->fp);
    if (ferror(f->fp) || (f->read == 0 && is_compressed((unsigned char *)buf, got)))
        return -1;
    f->read += got;
    return f->read > CEFO__MAX_INPUT_BYTES ? -1 : (int)got;
}

static int file_close(void *ctx)
{
    (void)ctx;
    return 0;
}

cefo_status cefo__xml_stream(const char *buf, size_t len, const char *name,
                             const cefo__xml_sink *sink, cefo_error *err)
{
    stream_file f = {NULL, 0};
    cefo_status st = CEFO_OK;
    if (buf)
        st = check_size(buf, len, name, err);
    else if (!(f.fp = fopen(name, "rb")))
        st = cefo__error(err, CEFO_ERR_IO, name, 0, NULL, "cannot open: %s", strerror(errno));
    if (st != CEFO_OK)
        return st;
    /* libxml2 asks for 4 kB at a time: read the file in larger blocks (when there is room). */
    char *block = f.fp ? cefo__malloc(1 << 16) : NULL;
    if (block)
        setvbuf(f.fp, block, _IOFBF, 1 << 16);
    parse_state ps = {name, err, 0, CEFO_ERR_PARSE, NULL, NULL, sink};
    cefo__xml_quiet saved;
    xmlParserCtxtPtr ctxt = open_parser(&ps, &saved);
    if (!ctxt) {
        if (f.fp)
            fclose(f.fp);
        cefo__free(block);
        return CEFO_ERR_NOMEM;
    }
    xmlSAXHandler *sax = ctxt->sax;
    sax->startDocument = NULL;
    sax->endDocument = NULL;
    sax->startElementNs = s_start;
    sax->endElementNs = s_end;
    sax->characters = s_text;
    sax->ignorableWhitespace = s_text;
    sax->cdataBlock = s_text;
    sax->comment = s_comment;
    sax->processingInstruction = s_pi;
    sax->reference = s_reference;
    if (buf)
        xmlCtxtReadMemory(ctxt, buf, (int)len, name, NULL, PARSE_OPTIONS);
    else
        xmlCtxtReadIO(ctxt, file_read, file_close, &f, name, NULL, PARSE_OPTIONS);
    if (f.fp)
        fclose(f.fp);
    cefo__free(block);
    return close_parser(&ps, &saved, 1);
}

/* cefo__xml_parse after refusing a missing pointer or empty input, registries expanded. */
cefo_status cefo__xml_parse_input_flags(const char *buf, size_t len, const char *name,
                                        unsigned flags, xmlDoc **doc, cefo_error *err)
{
    if (!buf && len)
        return cefo__error(err, CEFO_ERR_ARG, name, 0, NULL, "no data");
    if (len == 0)
        return cefo__error(err, CEFO_ERR_PARSE, name, 1, NULL, "the input is empty");
    cefo_status st = cefo__xml_parse(buf, len, name, doc, err);
    if (st == CEFO_OK && (st = cefo__registry_expand(*doc, name, flags, err)) != CEFO_OK) {
        xmlFreeDoc(*doc);
        *doc = NULL;
    }
    return st;
}

cefo_status cefo__xml_parse_input(const char *buf, size_t len, const char *name, xmlDoc **doc,
                                  cefo_error *err)
{
    return cefo__xml_parse_input_flags(buf, len, name, 0, doc, err);
}

static cefo_status parse_file(const char *path, unsigned flags, xmlDoc **doc, cefo_error *err)
{
    char *buf;
    size_t len;
    cefo_status st = cefo__read_file(path, &buf, &len, err);
    if (st != CEFO_OK)
        return st;
    st = cefo__xml_parse_input_flags(buf, len, path, flags, doc, err);
    cefo__free(buf);
    return st;
}

cefo_status cefo__xml_parse_file(const char *path, xmlDoc **doc, cefo_error *err)
{
    return parse_file(path, 0, doc, err);
}

cefo_status cefo__load_memory_flags(void *out, const char *data, size_t len, const char *name,
                                    unsigned flags, cefo__doc_loader load, cefo_error *err)
{
    if (!name)
        name = "<memory>";
    if (!out)
        return cefo__error(err, CEFO_ERR_ARG, name, 0, NULL, "no output pointer");
    xmlDoc *doc = NULL;
    cefo_status st = cefo__xml_parse_input_flags(data, len, name, flags, &doc, err);
    if (st == CEFO_OK)
        st = load(out, doc, name, err);
    xmlFreeDoc(doc);
    return st;
}

cefo_status cefo__load_memory(void *out, const char *data, size_t len, const char *name,
                              cefo__doc_loader load, cefo_error *err)
{
    return cefo__load_memory_flags(out, data, len, name, 0, load, err);
}

cefo_status cefo__load_file_flags(void *out, const char *path, unsigned flags,
                                  cefo__doc_loader load, cefo_error *err)
{
    if (!out || !path)
        return cefo__error(err, CEFO_ERR_ARG, NULL, 0, NULL, "no output pointer or no path");
    xmlDoc *doc = NULL;
    cefo_status st = parse_file(path, flags, &doc, err);
    if (st == CEFO_OK)
        st = load(out, doc, path, err);
    xmlFreeDoc(doc);
    return st;
}

cefo_status cefo__load_file(void *out, const char *path, cefo__doc_loader load, cefo_error *err)
{
    return cefo__load_file_flags(out, path, 0, load, err);
}

int cefo__xml_line(const xmlNode *node)
{
    if (node && node->type == XML_ELEMENT_NODE && node->line == 65535 && node->psvi)
        return (int)(ptrdiff_t)node->psvi;
    long l = xmlGetLineNo(node);
    return l > 0 && l < INT_MAX ? (int)l : 0;
}
