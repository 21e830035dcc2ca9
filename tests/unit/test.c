/* tests/unit/test.c — the harness behind test.h. */
#include "test.h"
#include <stdlib.h>

static struct {
    const char *suite;
    int count, failed, current_failed;
} th;

void th_begin(const char *suite)
{
    th.suite = suite;
    setvbuf(stdout, NULL, _IOLBF, 0);
    printf("# suite %s\n", suite);
}

int th_end(void)
{
    printf("1..%d\n", th.count);
    return th.failed ? 1 : 0;
}

static void report_pending_exception(void)
{
    OuroObject *exc = ouro_err_fetch();
    OuroObject *s = exc ? ouro_object_str(exc) : NULL;
    printf("#   exception left pending: %s: %s\n", exc ? OURO_TYPE_NAME(exc) : "?",
           s ? ouro_str_utf8(s) : "?");
    OURO_XDECREF(s);
    OURO_XDECREF(exc);
    ouro_err_clear();
}

void th_run(const char *name, void (*fn)(void), int with_runtime)
{
    OuroRuntime *rt = NULL;
    th.current_failed = 0;
    if (with_runtime && !(rt = ouro_runtime_new())) {
        printf("#   could not create a runtime\n");
        th.current_failed = 1;
    } else {
        fn();
    }
    if (rt) {
        if (ouro_err_occurred()) {
            report_pending_exception();
            th.current_failed = 1;
        }
        uint64_t leaked = ouro_runtime_free(rt);
        if (leaked) {
            printf("#   leak: %llu bytes still in use after the runtime was freed\n",
                   (unsigned long long)leaked);
            th.current_failed = 1;
        }
    }
    th.count++;
    if (th.current_failed)
        th.failed++;
    printf("%s %d - %s: %s\n", th.current_failed ? "not ok" : "ok", th.count, th.suite, name);
}

int th_check(int ok, const char *expr, const char *file, int line)
{
    if (!ok) {
        printf("#   %s:%d: CHECK(%s) failed\n", file, line, expr);
        th.current_failed = 1;
    }
    return ok;
}

int th_check_int(long long a, long long b, const char *ea, const char *eb, const char *file, int line)
{
    if (a != b) {
        printf("#   %s:%d: %s == %s failed: %lld != %lld\n", file, line, ea, eb, a, b);
        th.current_failed = 1;
    }
    return a == b;
}

int th_check_str(const char *a, const char *b, const char *ea, const char *eb, const char *file, int line)
{
    int ok = a && b && strcmp(a, b) == 0;
    if (!ok) {
        printf("#   %s:%d: %s == %s failed: \"%s\" != \"%s\"\n", file, line, ea, eb,
               a ? a : "(null)", b ? b : "(null)");
        th.current_failed = 1;
    }
    return ok;
}

int th_check_raised(OuroType *t, const char *msg, const char *file, int line)
{
    OuroObject *exc = ouro_err_fetch();
    int ok = exc && OURO_TYPE(exc) == t;
    OuroObject *s = exc ? ouro_object_str(exc) : NULL;
    if (!s)
        ouro_err_clear();
    if (ok && msg)
        ok = s && strcmp(ouro_str_utf8(s), msg) == 0;
    if (!ok) {
        printf("#   %s:%d: expected %s(\"%s\"), got %s(\"%s\")\n", file, line, t->tp_name,
               msg ? msg : "...", exc ? OURO_TYPE_NAME(exc) : "no exception",
               s ? ouro_str_utf8(s) : "");
        th.current_failed = 1;
    }
    OURO_XDECREF(s);
    OURO_XDECREF(exc);
    return ok;
}

int th_check_repr(OuroObject *o, const char *want, const char *file, int line)
{
    OuroObject *r = o ? ouro_object_repr(o) : NULL;
    int ok = r && strcmp(ouro_str_utf8(r), want) == 0;
    if (!ok) {
        printf("#   %s:%d: repr is \"%s\", expected \"%s\"\n", file, line,
               r ? ouro_str_utf8(r) : "(error)", want);
        if (!r)
            ouro_err_clear();
        th.current_failed = 1;
    }
    OURO_XDECREF(r);
    return ok;
}
