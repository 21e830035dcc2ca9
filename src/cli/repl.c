/* src/cli/repl.c — the interactive loop: reads statements line by line (ou_parse's
 * `incomplete` asks for more; a compound statement ends with an empty line, as in
 * CPython), runs them in __main__ in 'single' mode (expression values go through
 * sys.displayhook) and prints exceptions without leaving. */
#include "modules/modules.h"
#include "cli.h"
#include "runtime/runtime.h" /* Ctrl-C: ou_sigint_take */
#include <errno.h>
#include <poll.h>
#include <string.h>
#include <unistd.h>

/* Ctrl-C: the `ouro` command makes SIGINT raise KeyboardInterrupt
 * (ouro_runtime_catch_sigint): while code runs it ends the statement with a traceback; at
 * the prompt it discards the current input ("KeyboardInterrupt", as CPython). */

/* Writes the prompt sys.ps1 / sys.ps2 (str() of it): to stdout on a terminal, else to
 * stderr, as CPython without readline. */
static void prompt(const char *which, const char *dflt)
{
    OuroObject *p = ou_sys_get(which);
    OuroObject *s = p ? ouro_object_str(p) : NULL;
    if (!s)
        ouro_err_clear();
    FILE *out = isatty(fileno(stdin)) ? stdout : stderr;
    ou_sys_flush_std();
    fputs(s ? ouro_str_utf8(s) : dflt, out);
    fflush(out);
    OURO_XDECREF(s);
}

/* Whether stdio holds input of stdin not yet consumed (glibc; elsewhere: assume not). */
static bool stdin_buffered(void)
{
#ifdef __GLIBC__
    return stdin->_IO_read_ptr < stdin->_IO_read_end;
#else
    return false;
#endif
}

/* Appends one line of stdin to b. Returns 1 (a line, or the last one without its
 * newline), 0 at end of input, -1 on Ctrl-C. */
static int read_line(OuStrBuf *b)
{
    char chunk[1024];
    bool any = false, intr = ou_sigint_take();
    /* On a terminal, wait with poll so that a Ctrl-C that lands before the read is seen
     * (stdin is unbuffered there, so what poll reports is all there is; after -i it may
     * not be, and buffered input is read first). */
    if (!intr && isatty(fileno(stdin)) && !stdin_buffered()) {
        struct pollfd p = { .fd = fileno(stdin), .events = POLLIN };
        while (!(intr = ou_sigint_take()) && poll(&p, 1, 200) <= 0)
            ;
    }
    while (!intr && fgets(chunk, sizeof chunk, stdin)) {
        any = true;
        size_t n = strlen(chunk);
        ou_strbuf_append(b, chunk, n);
        if (n && chunk[n - 1] == '\n')
            break;
    }
    if (intr || ou_sigint_take()) { /* fgets returns NULL when the signal interrupts it */
        clearerr(stdin);
        return -1;
    }
    return any;
}

static bool is_compound(const OuStmt *s)
{
    switch (s->kind) {
    case OU_FUNCTIONDEF_KIND: case OU_ASYNCFUNCTIONDEF_KIND: case OU_CLASSDEF_KIND:
    case OU_FOR_KIND: case OU_ASYNCFOR_KIND: case OU_WHILE_KIND: case OU_IF_KIND:
    case OU_WITH_KIND: case OU_ASYNCWITH_KIND: case OU_TRY_KIND: case OU_MATCH_KIND:
        return true;
    default:
        return false;
    }
}

static bool blank(const char *line)
{
    for (; *line; line++)
        if (*line != ' ' && *line != '\t' && *line != '\n' && *line != '\r')
            return false;
    return true;
}

/* What the buffer holds: 0 a complete statement, 1 more lines needed, -1 a syntax error
 * (pending). */
static int check_input(const char *src, size_t len, bool last_blank)
{
    OuAstArena *a = ou_ast_arena_new();
    if (!a)
        return -1;
    int incomplete = 0;
    OuMod *m = ou_parse(a, src, len, "<stdin>", OU_PARSE_SINGLE, &incomplete);
    int r;
    if (!m)
        r = incomplete ? 1 : -1;
    else
        r = (!last_blank && m->body.n > 0 && is_compound(m->body.items[0])) ? 1 : 0;
    if (r == 1)
        ouro_err_clear();
    ou_ast_arena_free(a);
    return r;
}

/* Runs one complete statement. Returns -1 to go on, or an exit status (SystemExit). */
static int run_statement(const char *src, size_t len)
{
    OuroObject *code = ou_compile_source(src, len, "<stdin>", OU_PARSE_SINGLE, NULL);
    OuInterp *in = ou_interp();
    if (code && in) {
        OuroObject *d = in->main_module ? ou_module_dict(in->main_module) : NULL;
        if (!d) {
            /* the first statement creates __main__ (ou_run_source on an empty program) */
            if (ou_run_source("", 0, "<stdin>", false) == 0)
                d = ou_module_dict(in->main_module);
        }
        OuroObject *r = d ? ou_eval_code(code, d, NULL) : NULL;
        OURO_XDECREF(r);
    }
    OURO_XDECREF(code);
    if (!ouro_err_occurred())
        return -1;
    if (ouro_err_matches(&ouro_exc_SystemExit))
        return ou_handle_uncaught() & 0xFF; /* the status the process will show */
    ou_handle_uncaught();
    return -1;
}

int ou_repl_run(bool banner)
{
    if (banner)
        fprintf(stderr, "ouro %s (a Python 3.11 subset) on linux\n"
                        "Type Ctrl-D to exit.\n", OURO_VERSION);
    OuInterp *in = ou_interp();
    if (!in)
        return ou_handle_uncaught();
    OuroObject *ps1 = ouro_str_from_cstr(">>> "), *ps2 = ouro_str_from_cstr("... ");
    if (!ps1 || !ps2 || ouro_dict_set_item_str(in->sys_dict, "ps1", ps1) < 0 ||
        ouro_dict_set_item_str(in->sys_dict, "ps2", ps2) < 0)
        ouro_err_clear();
    OURO_XDECREF(ps1);
    OURO_XDECREF(ps2);
    if (banner && isatty(fileno(stdin))) /* nothing was read yet: setvbuf is allowed */
        setvbuf(stdin, NULL, _IONBF, 0);
    OuStrBuf b;
    ou_strbuf_init(&b);
    int status = -1;
    while (status < 0) {
        prompt(b.len ? "ps2" : "ps1", b.len ? "... " : ">>> ");
        size_t before = b.len;
        int got = read_line(&b);
        if (got <= 0) {
            if (got < 0) {
                fputs("\nKeyboardInterrupt\n", stderr);
                b.len = 0;
                continue;
            }
            if (isatty(fileno(stdin)))
                fputc('\n', stdout);
            status = 0;
            break;
        }
        ou_strbuf_append_char(&b, 0);
        b.len--;
        bool last_blank = blank(b.data + before);
        if (before == 0 && last_blank) {
            b.len = 0;
            continue;
        }
        int r = check_input(b.data, b.len, last_blank);
        if (r == 1)
            continue;
        if (r < 0)
            ou_handle_uncaught();
        else
            status = run_statement(b.data, b.len);
        b.len = 0;
    }
    ou_strbuf_discard(&b);
    return status;
}
