/* tests/unit/test_math.c — the math module's functions against results and errors
 * recorded from CPython 3.11 (test_math_data.h, made by gen_math_data.py). */
#include "test.h"
#include "test_math_data.h"
#include "modules/modules.h"
#include <stdlib.h>

/* One encoded argument (i:, f:, s:, L[...;...]) starting at *p; advances *p. */
static OuroObject *decode(const char **p)
{
    const char *s = *p;
    if (s[0] == 'L' && s[1] == '[') {
        OuroObject *l = ouro_list_new(0);
        *p = s + 2;
        while (**p != ']') {
            OuroObject *v = decode(p);
            ouro_list_append(l, v);
            OURO_DECREF(v);
            if (**p == ';')
                (*p)++;
        }
        (*p)++;
        return l;
    }
    const char *end = s + 2;
    while (*end && *end != ',' && *end != ';' && *end != ']')
        end++;
    char buf[2048];
    snprintf(buf, sizeof buf, "%.*s", (int)(end - s - 2), s + 2);
    *p = end;
    switch (s[0]) {
    case 'i':
        return ouro_int_from_string(buf, strlen(buf), 10);
    case 'f':
        return ouro_float_from_double(strtod(buf, NULL));
    default:
        return ouro_str_from_cstr(buf);
    }
}

static OuroObject *call_math(const MathCase *mc)
{
    const OuroMethodDef *d = ou_math_methods();
    while (d->ml_name && strcmp(d->ml_name, mc->func) != 0)
        d++;
    if (!d->ml_name)
        return ouro_err_format(&ouro_exc_AttributeError, "no math.%s", mc->func);
    OuroObject *args[16];
    int n = 0;
    const char *p = mc->args;
    while (*p) {
        args[n++] = decode(&p);
        if (*p == ',')
            p++;
    }
    OuroObject *r;
    if (d->ml_flags == OURO_METH_O)
        r = n == 1 ? ((ouro_cfunction)(void *)d->ml_meth)(NULL, args[0]) : NULL;
    else if (d->ml_flags == OURO_METH_FASTCALL)
        r = ((ouro_cfunction_fast)(void *)d->ml_meth)(NULL, args, n);
    else
        r = ((ouro_cfunction_fast_kw)(void *)d->ml_meth)(NULL, args, n, NULL);
    for (int i = 0; i < n; i++)
        OURO_DECREF(args[i]);
    return r;
}

static void test_recorded_cases(void)
{
    int bad = 0;
    for (size_t i = 0; i < sizeof(math_cases) / sizeof(math_cases[0]); i++) {
        const MathCase *mc = &math_cases[i];
        OuroObject *r = call_math(mc);
        OuroObject *e = r ? NULL : ouro_err_fetch();
        OuroObject *s = r ? ouro_object_repr(r) : e ? ouro_object_str(e) : NULL;
        const char *got = s ? ouro_str_utf8(s) : "?";
        int ok = mc->exc ? (e && strcmp(OURO_TYPE_NAME(e), mc->exc) == 0 &&
                            strcmp(got, mc->result) == 0)
                         : (r && strcmp(got, mc->result) == 0);
        if (!ok)
            printf("#   math.%s(%s): expected %s %s, got %s %s\n", mc->func, mc->args,
                   mc->exc ? mc->exc : "", mc->result, e ? OURO_TYPE_NAME(e) : "", got);
        bad += !ok;
        OURO_XDECREF(s);
        OURO_XDECREF(e);
        OURO_XDECREF(r);
    }
    CHECK_INT(bad, 0);
}

int main(void)
{
    th_begin("math");
    RUN(test_recorded_cases);
    return th_end();
}
