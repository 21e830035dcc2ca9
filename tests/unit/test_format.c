/* tests/unit/test_format.c — the format-spec mini-language (formatspec.c) against
 * format(value, spec) recorded from CPython 3.11 (test_format_data.h, made by
 * gen_format_data.py), and str.format (strformatmethod.c). */
#include "test.h"
#include "test_format_data.h"
#include "objects/objects.h"
#include "lang/lang.h"
#include <stdlib.h>

static OuroObject *make_value(const FormatCase *fc)
{
    switch (fc->kind) {
    case 'i':
        return ouro_int_from_string(fc->value, strlen(fc->value), 10);
    case 'f':
        return ouro_float_from_double(strtod(fc->value, NULL));
    default:
        return ouro_str_from_cstr(fc->value);
    }
}

/* Every recorded case: same result, or same exception type and message. */
static void test_recorded_cases(void)
{
    int bad = 0;
    for (size_t i = 0; i < sizeof(format_cases) / sizeof(format_cases[0]); i++) {
        const FormatCase *fc = &format_cases[i];
        OuroObject *v = make_value(fc), *spec = ouro_str_from_cstr(fc->spec);
        OuroObject *r = ou_object_format(v, spec);
        int ok;
        if (fc->exc) {
            OuroObject *e = r ? NULL : ouro_err_fetch();
            OuroObject *msg = e ? ouro_object_str(e) : NULL;
            ok = e && strcmp(OURO_TYPE_NAME(e), fc->exc) == 0 && msg &&
                 strcmp(ouro_str_utf8(msg), fc->result) == 0;
            if (!ok && bad < 20)
                printf("#   format(%s, '%s'): expected %s: %s, got %s: %s\n", fc->value, fc->spec,
                       fc->exc, fc->result, e ? OURO_TYPE_NAME(e) : "no error",
                       msg ? ouro_str_utf8(msg) : (r ? ouro_str_utf8(r) : "?"));
            OURO_XDECREF(msg);
            OURO_XDECREF(e);
        } else {
            ok = r && strcmp(ouro_str_utf8(r), fc->result) == 0;
            if (!ok && bad < 20) {
                printf("#   format(%s, '%s'): expected '%s', got '%s'\n", fc->value, fc->spec,
                       fc->result, r ? ouro_str_utf8(r) : "an exception");
                if (!r)
                    ouro_err_print();
            }
        }
        ouro_err_clear();
        bad += !ok;
        OURO_XDECREF(r);
        OURO_DECREF(v);
        OURO_DECREF(spec);
    }
    CHECK_INT(bad, 0);
}

/* "fmt".format(args...) with positional C strings/ints and kw pairs. */
static OuroObject *call_format(const char *fmt, OuroObject **args, int nargs, const char *kw)
{
    OuroObject *self = ouro_str_from_cstr(fmt);
    OuroObject *kwnames = NULL;
    int npos = nargs;
    if (kw) {
        kwnames = ouro_tuple_new(1);
        OURO_TUPLE_SET(kwnames, 0, ouro_str_from_cstr(kw));
        npos--;
    }
    OuroObject *r = ou_str_format_call(self, args, npos, kwnames);
    OURO_XDECREF(kwnames);
    OURO_DECREF(self);
    return r;
}

static void test_str_format(void)
{
    OuroObject *a[3] = { ouro_int_from_int64(42), ouro_str_from_cstr("x\u00e9"),
                         ouro_float_from_double(3.5) };
    OuroObject *l = ouro_list_new(0);
    ouro_list_append(l, a[0]);
    OuroObject *r;
    r = call_format("{} and {}!", a, 2, NULL);
    CHECK_STR(ouro_str_utf8(r), "42 and x\u00e9!");
    OURO_DECREF(r);
    r = call_format("{1}{0}{{}}{0:>5}|{1!r:^8}|{2:.2f}", a, 3, NULL);
    CHECK_STR(ouro_str_utf8(r), "x\u00e942{}   42|  'x\u00e9'  |3.50");
    OURO_DECREF(r);
    OuroObject *six = ouro_str_from_cstr("06");
    r = call_format("{0:{1}}", (OuroObject *[]){ a[0], six }, 2, NULL);
    CHECK_STR(ouro_str_utf8(r), "000042");
    OURO_DECREF(r);
    OURO_DECREF(six);
    r = call_format("<{x[0]}>", (OuroObject *[]){ l }, 1, "x");
    CHECK_STR(ouro_str_utf8(r), "<42>");
    OURO_DECREF(r);
    CHECK(!call_format("{} {1}", a, 2, NULL));
    CHECK_RAISED(&ouro_exc_ValueError,
                 "cannot switch from automatic field numbering to manual field specification");
    CHECK(!call_format("{1} {}", a, 2, NULL));
    CHECK_RAISED(&ouro_exc_ValueError,
                 "cannot switch from manual field specification to automatic field numbering");
    CHECK(!call_format("{5}", a, 2, NULL));
    CHECK_RAISED(&ouro_exc_IndexError, "Replacement index 5 out of range for positional args tuple");
    CHECK(!call_format("{nope}", a, 2, NULL));
    CHECK_RAISED(&ouro_exc_KeyError, "'nope'");
    CHECK(!call_format("a}b", a, 2, NULL));
    CHECK_RAISED(&ouro_exc_ValueError, "Single '}' encountered in format string");
    CHECK(!call_format("a{", a, 2, NULL));
    CHECK_RAISED(&ouro_exc_ValueError, "Single '{' encountered in format string");
    CHECK(!call_format("a{0", a, 2, NULL));
    CHECK_RAISED(&ouro_exc_ValueError, "expected '}' before end of string");
    CHECK(!call_format("{0!x}", a, 2, NULL));
    CHECK_RAISED(&ouro_exc_ValueError, "Unknown conversion specifier x");
    CHECK(!call_format("{0!rr}", a, 2, NULL));
    CHECK_RAISED(&ouro_exc_ValueError, "expected ':' after conversion specifier");
    OURO_DECREF(l);
    for (int i = 0; i < 3; i++)
        OURO_DECREF(a[i]);
}

int main(void)
{
    th_begin("format");
    RUN(test_recorded_cases);
    RUN(test_str_format);
    return th_end();
}
