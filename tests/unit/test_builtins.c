/* tests/unit/test_builtins.c — the builtins module's functions called directly through
 * their method table (ou_builtins_core_methods), their iterator types, text files and
 * exception attributes; messages as CPython 3.11. */
#include "test.h"
#include "modules/modules.h"
#include <stdarg.h>
#include <stdlib.h>
#include <unistd.h>

/* Calls builtin `name` with n positional arguments (borrowed) and optional kwnames (a
 * tuple of C strings given as one "a,b" string, values after the positional ones). */
static OuroObject *callkw(const char *name, const char *kw, int n, ...)
{
    const OuroMethodDef *d = ou_builtins_core_methods;
    while (d->ml_name && strcmp(d->ml_name, name) != 0)
        d++;
    if (!d->ml_name) {
        printf("#   no builtin %s\n", name);
        return NULL;
    }
    OuroObject *args[8];
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++)
        args[i] = va_arg(ap, OuroObject *);
    va_end(ap);
    OuroObject *kwnames = NULL;
    int nkw = 0;
    if (kw) {
        char buf[64];
        snprintf(buf, sizeof buf, "%s", kw);
        OuroObject *names[4];
        for (char *t = strtok(buf, ","); t; t = strtok(NULL, ","))
            names[nkw++] = ouro_str_from_cstr(t);
        kwnames = ouro_tuple_from_array(names, nkw);
        for (int i = 0; i < nkw; i++)
            OURO_DECREF(names[i]);
    }
    OuroObject *r = ((ouro_cfunction_fast_kw)(void *)d->ml_meth)(NULL, args, n - nkw, kwnames);
    OURO_XDECREF(kwnames);
    return r;
}
#define CALL(name, ...) callkw(name, NULL, __VA_ARGS__)

static OuroObject *I(int64_t v) { return ouro_int_from_int64(v); }
static OuroObject *S(const char *s) { return ouro_str_from_cstr(s); }

/* Checks repr(r) == want and drops r. */
#define CHECK_RESULT(r, want) check_result((r), (want), __LINE__)
static void check_result(OuroObject *r, const char *want, int line)
{
    if (!r) {
        printf("#   line %d: exception instead of %s\n", line, want);
        ouro_err_print();
        CHECK(0);
        return;
    }
    if (!CHECK_REPR(r, want))
        printf("#   line %d\n", line);
    OURO_DECREF(r);
}

static void test_basics(void)
{
    OuroObject *l = ouro_list_new(0), *one = I(1), *two = I(2), *s = S("h\u00e9"), *neg = I(-255);
    ouro_list_append(l, one);
    ouro_list_append(l, two);
    CHECK_RESULT(CALL("len", 1, l), "2");
    CHECK_RESULT(CALL("len", 1, s), "2");
    CHECK(!CALL("len", 1, one));
    CHECK_RAISED(&ouro_exc_TypeError, "object of type 'int' has no len()");
    CHECK(!CALL("len", 0));
    CHECK_RAISED(&ouro_exc_TypeError, "len() takes exactly one argument (0 given)");
    CHECK_RESULT(CALL("repr", 1, s), "\"'h\u00e9'\"");
    CHECK_RESULT(CALL("ascii", 1, s), "\"'h\\\\xe9'\"");
    CHECK_RESULT(CALL("hex", 1, neg), "'-0xff'");
    CHECK_RESULT(CALL("oct", 1, two), "'0o2'");
    CHECK_RESULT(CALL("bin", 1, neg), "'-0b11111111'");
    CHECK_RESULT(CALL("abs", 1, neg), "255");
    CHECK_RESULT(CALL("divmod", 2, neg, two), "(-128, 1)");
    OuroObject *five = I(5), *three = I(3);
    CHECK_RESULT(CALL("pow", 3, two, five, three), "2");
    CHECK_RESULT(CALL("pow", 2, two, five), "32");
    CHECK(!CALL("pow", 1, two));
    CHECK_RAISED(&ouro_exc_TypeError, "pow() missing required argument 'exp' (pos 2)");
    OuroObject *c = I(0xe9);
    CHECK_RESULT(CALL("chr", 1, c), "'\u00e9'");
    CHECK_RESULT(CALL("ord", 1, s = (OURO_DECREF(s), S("\u20ac"))), "8364");
    OuroObject *big = I(0x110000);
    CHECK(!CALL("chr", 1, big));
    CHECK_RAISED(&ouro_exc_ValueError, "chr() arg not in range(0x110000)");
    OuroObject *ab = S("ab");
    CHECK(!CALL("ord", 1, ab));
    CHECK_RAISED(&ouro_exc_TypeError, "ord() expected a character, but string of length 2 found");
    CHECK(!CALL("ord", 1, one));
    CHECK_RAISED(&ouro_exc_TypeError, "ord() expected string of length 1, but int found");
    CHECK_RESULT(CALL("callable", 1, one), "False");
    CHECK_RESULT(CALL("callable", 1, (OuroObject *)&ouro_int_type), "True");
    CHECK_RESULT(CALL("isinstance", 2, OURO_TRUE, (OuroObject *)&ouro_int_type), "True");
    OuroObject *types = ouro_tuple_pack(2, (OuroObject *)&ouro_str_type, (OuroObject *)&ouro_list_type);
    CHECK_RESULT(CALL("isinstance", 2, l, types), "True");
    CHECK_RESULT(CALL("isinstance", 2, one, types), "False");
    CHECK(!CALL("isinstance", 2, one, two));
    CHECK_RAISED(&ouro_exc_TypeError, "isinstance() arg 2 must be a type, a tuple of types, or a union");
    CHECK_RESULT(CALL("issubclass", 2, (OuroObject *)&ouro_bool_type, (OuroObject *)&ouro_int_type), "True");
    CHECK(!CALL("issubclass", 2, one, (OuroObject *)&ouro_int_type));
    CHECK_RAISED(&ouro_exc_TypeError, "issubclass() arg 1 must be a class");
    CHECK_RESULT(CALL("hash", 1, two), "2");
    CHECK(!CALL("hash", 1, l));
    CHECK_RAISED(&ouro_exc_TypeError, "unhashable type: 'list'");
    OuroObject *f = ouro_float_from_double(2.675);
    CHECK_RESULT(CALL("round", 2, f, two), "2.67");
    CHECK_RESULT(CALL("round", 1, f), "3");
    CHECK(!CALL("round", 1, ab));
    CHECK_RAISED(&ouro_exc_TypeError, "type str doesn't define __round__ method");
    OuroObject *spec = S(">6.2f");
    CHECK_RESULT(CALL("format", 2, f, spec), "'  2.67'");
    CHECK(!CALL("format", 2, f, one));
    CHECK_RAISED(&ouro_exc_TypeError, "format() argument 2 must be str, not int");
    OuroObject *objs[] = { l, one, two, s, neg, five, three, c, big, ab, types, f, spec };
    for (size_t i = 0; i < sizeof objs / sizeof *objs; i++)
        OURO_DECREF(objs[i]);
}

static void test_iteration(void)
{
    OuroObject *l = ouro_list_new(0);
    for (int i = 0; i < 4; i++) {
        OuroObject *v = I(i * 3 % 4);
        ouro_list_append(l, v);
        OURO_DECREF(v);
    }
    CHECK_RESULT(CALL("sum", 1, l), "6");
    CHECK_RESULT(CALL("min", 1, l), "0");
    CHECK_RESULT(CALL("max", 1, l), "3");
    OuroObject *a = I(7), *b = I(-2);
    CHECK_RESULT(CALL("max", 3, a, b, a), "7");
    CHECK_RESULT(callkw("min", "key", 3, a, b, (OuroObject *)&ouro_str_type), "-2");
    OuroObject *empty = ouro_list_new(0);
    CHECK(!CALL("max", 1, empty));
    CHECK_RAISED(&ouro_exc_ValueError, "max() arg is an empty sequence");
    CHECK_RESULT(callkw("min", "default", 2, empty, a), "7");
    CHECK(!callkw("max", "default", 3, a, b, a));
    CHECK_RAISED(&ouro_exc_TypeError,
                 "Cannot specify a default for max() with multiple positional arguments");
    CHECK(!CALL("max", 0));
    CHECK_RAISED(&ouro_exc_TypeError, "max expected at least 1 argument, got 0");
    OuroObject *es = S("");
    CHECK(!callkw("sum", "start", 2, l, es));
    CHECK_RAISED(&ouro_exc_TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
    CHECK_RESULT(CALL("sorted", 1, l), "[0, 1, 2, 3]");
    CHECK_RESULT(callkw("sorted", "reverse", 2, l, OURO_TRUE), "[3, 2, 1, 0]");
    CHECK_RESULT(CALL("any", 1, l), "True");
    CHECK_RESULT(CALL("all", 1, l), "False");
    CHECK_RESULT(CALL("all", 1, empty), "True");
    OuroObject *it = CALL("iter", 1, l);
    CHECK_RESULT(CALL("next", 1, it), "0");
    OURO_DECREF(it);
    CHECK(!CALL("next", 1, a));
    CHECK_RAISED(&ouro_exc_TypeError, "'int' object is not an iterator");
    it = CALL("iter", 1, empty);
    CHECK_RESULT(CALL("next", 2, it, a), "7");
    CHECK(!CALL("next", 1, it));
    CHECK_RAISED(&ouro_exc_StopIteration, NULL);
    OURO_DECREF(it);
    CHECK(!CALL("iter", 2, a, b));
    CHECK_RAISED(&ouro_exc_TypeError, "iter(v, w): v must be callable");
    /* the iterator types through their constructors */
    OuroObject *args = ouro_tuple_pack(2, l, a);
    OuroObject *e = ouro_object_call((OuroObject *)&ou_enumerate_type, args, NULL);
    OuroObject *el = ouro_sequence_list(e);
    CHECK_REPR(el, "[(7, 0), (8, 3), (9, 2), (10, 1)]");
    OURO_DECREF(el);
    OURO_DECREF(e);
    OURO_DECREF(args);
    OuroObject *s = S("ab");
    args = ouro_tuple_pack(2, l, s);
    OuroObject *z = ouro_object_call((OuroObject *)&ou_zip_type, args, NULL);
    el = ouro_sequence_list(z);
    CHECK_REPR(el, "[(0, 'a'), (3, 'b')]");
    OURO_DECREF(el);
    OURO_DECREF(z);
    OuroObject *kw = ouro_dict_new();
    ouro_dict_set_item_str(kw, "strict", OURO_TRUE);
    z = ouro_object_call((OuroObject *)&ou_zip_type, args, kw);
    el = ouro_sequence_list(z);
    CHECK(!el);
    CHECK_RAISED(&ouro_exc_ValueError, "zip() argument 2 is shorter than argument 1");
    OURO_DECREF(z);
    OURO_DECREF(kw);
    OURO_DECREF(args);
    args = ouro_tuple_pack(2, (OuroObject *)&ouro_str_type, l);
    OuroObject *m = ouro_object_call((OuroObject *)&ou_map_type, args, NULL);
    el = ouro_sequence_list(m);
    CHECK_REPR(el, "['0', '3', '2', '1']");
    OURO_DECREF(el);
    OURO_DECREF(m);
    OURO_DECREF(args);
    args = ouro_tuple_pack(2, OURO_NONE, l);
    m = ouro_object_call((OuroObject *)&ou_filter_type, args, NULL);
    el = ouro_sequence_list(m);
    CHECK_REPR(el, "[3, 2, 1]");
    OURO_DECREF(el);
    OURO_DECREF(m);
    OURO_DECREF(args);
    args = ouro_tuple_pack(1, s);
    m = ouro_object_call((OuroObject *)&ou_reversed_type, args, NULL);
    el = m ? ouro_sequence_list(m) : NULL;
    CHECK_REPR(el, "['b', 'a']");
    OURO_XDECREF(el);
    OURO_XDECREF(m);
    OURO_DECREF(args);
    args = ouro_tuple_pack(1, a);
    CHECK(!ouro_object_call((OuroObject *)&ou_reversed_type, args, NULL));
    CHECK_RAISED(&ouro_exc_TypeError, "'int' object is not reversible");
    OURO_DECREF(args);
    OURO_DECREF(s);
    OURO_DECREF(es);
    OURO_DECREF(empty);
    OURO_DECREF(a);
    OURO_DECREF(b);
    OURO_DECREF(l);
}

static void test_files(void)
{
    char path[] = "/tmp/ouro_test_fileXXXXXX";
    int fd = mkstemp(path);
    close(fd);
    OuroObject *p = S(path), *w = S("w"), *r = S("r"), *a = S("a");
    OuroObject *f = ou_file_open(p, w, NULL);
    CHECK(f != NULL);
    OuroObject *text = S("one\n\u00e9t\u00e9\nthree");
    CHECK(ou_file_write_str(f, text) == 0);
    OuroObject *x = ou_mod_call_method(f, "close", NULL, 0, NULL);
    OURO_XDECREF(x);
    CHECK(ou_file_write_str(f, text) < 0);
    CHECK_RAISED(&ouro_exc_ValueError, "I/O operation on closed file.");
    OURO_DECREF(f);
    f = ou_file_open(p, a, NULL);
    OuroObject *more = S("\nfour\r\n");
    CHECK(ou_file_write_str(f, more) == 0);
    OURO_DECREF(f);
    f = ou_file_open(p, r, NULL);
    CHECK_RESULT(ou_mod_call_method(f, "readline", NULL, 0, NULL), "'one\\n'");
    OuroObject *two = I(2);
    CHECK_RESULT(ou_mod_call_method(f, "read", &two, 1, NULL), "'\u00e9t'");
    CHECK_RESULT(ou_mod_call_method(f, "readlines", NULL, 0, NULL), "['\u00e9\\n', 'three\\n', 'four\\n']");
    CHECK_RESULT(ou_mod_call_method(f, "read", NULL, 0, NULL), "''");
    CHECK(ou_file_write_str(f, text) < 0);
    CHECK_RAISED(&ouro_exc_OSError, "not writable");
    OURO_DECREF(f);
    unlink(path);
    f = ou_file_open(p, r, NULL);
    CHECK(!f);
    OuroObject *e = ouro_err_fetch();
    CHECK(OURO_TYPE(e) == &ouro_exc_FileNotFoundError);
    OuroObject *es = ouro_object_str(e);
    char want[128];
    snprintf(want, sizeof want, "[Errno 2] No such file or directory: '%s'", path);
    CHECK_STR(ouro_str_utf8(es), want);
    OuroObject *q = S("q");
    CHECK(!ou_file_open(p, q, NULL));
    CHECK_RAISED(&ouro_exc_ValueError, "invalid mode: 'q'");
    OuroObject *objs[] = { p, w, r, a, text, more, two, e, es, q };
    for (size_t i = 0; i < sizeof objs / sizeof *objs; i++)
        OURO_DECREF(objs[i]);
}

static void test_exceptions(void)
{
    OuroObject *two = I(2), *msg = S("No such file or directory"), *fn = S("x");
    OuroObject *args = ouro_tuple_pack(3, two, msg, fn);
    OuroObject *e = ouro_object_call((OuroObject *)&ouro_exc_OSError, args, NULL);
    CHECK(e && OURO_TYPE(e) == &ouro_exc_FileNotFoundError);
    OuroObject *s = ouro_object_str(e);
    CHECK_STR(ouro_str_utf8(s), "[Errno 2] No such file or directory: 'x'");
    CHECK_REPR(ouro_exception_args(e), "(2, 'No such file or directory')");
    OURO_DECREF(s);
    OURO_DECREF(e);
    OURO_DECREF(args);
    OuroObject *info = ouro_tuple_pack(4, fn, two, two, msg);
    args = ouro_tuple_pack(2, msg, info);
    e = ouro_object_call((OuroObject *)&ouro_exc_SyntaxError, args, NULL);
    s = ouro_object_str(e);
    CHECK_STR(ouro_str_utf8(s), "No such file or directory (x, line 2)");
    OURO_DECREF(s);
    OURO_DECREF(e);
    OURO_DECREF(args);
    OURO_DECREF(info);
    OURO_DECREF(two);
    OURO_DECREF(msg);
    OURO_DECREF(fn);
}

int main(void)
{
    th_begin("builtins");
    RUN(test_basics);
    RUN(test_iteration);
    RUN(test_files);
    RUN(test_exceptions);
    return th_end();
}
