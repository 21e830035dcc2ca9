/* tests/unit/test_bytes.c — bytes: construction (bytes(n), bytes(iterable), bytes(b),
 * bytes(s, encoding)), repr, hashing (equal to str's for the same ASCII text, CPython's
 * values), indexing (ints) and slicing, `in`, concatenation and repetition, comparison,
 * iteration, the methods against CPython's results (test_bytes_data.h, made by
 * gen_str_data.py) and allocation failures. */
#include "seqtest.h"
#include "objects/strimpl.h"
#include "test_bytes_data.h"

static OuroObject *B(const char *p, size_t n) { return ouro_bytes_from_data(p, n); }

/* repr(o) == want, or "!Type: message" of the pending exception. Consumes o. */
static int check_outcome(OuroObject *o, const char *want, const char *what, int line)
{
    char got[4096];
    if (!o) {
        OuroObject *exc = ouro_err_fetch();
        OuroObject *s = exc ? ouro_object_str(exc) : NULL;
        snprintf(got, sizeof got, "!%s: %s", exc ? OURO_TYPE_NAME(exc) : "?",
                 s ? ouro_str_utf8(s) : "?");
        OURO_XDECREF(s);
        OURO_XDECREF(exc);
        ouro_err_clear();
    } else {
        OuroObject *r = ouro_object_repr(o);
        snprintf(got, sizeof got, "%s", r ? ouro_str_utf8(r) : "(repr failed)");
        if (!r)
            ouro_err_clear();
        OURO_XDECREF(r);
        OURO_DECREF(o);
    }
    if (strcmp(got, want) != 0) {
        printf("#   line %d: %s: got %s, expected %s\n", line, what, got, want);
        return CHECK(0);
    }
    return 1;
}

static OuroObject *build_arg(const CallArg *a, int *i)
{
    const CallArg *x = &a[(*i)++];
    switch (x->kind) {
    case 'n': return OURO_NONE;
    case 'i': return ouro_int_from_int64(x->i);
    case 's': return ouro_str_from_utf8(x->s, (size_t)x->len);
    case 'b': return B(x->s, (size_t)x->len);
    case 't':
    case 'l': {
        OuroObject *seq = x->kind == 't' ? ouro_tuple_new(x->i) : ouro_list_new(x->i);
        for (long long k = 0; k < x->i; k++) {
            OuroObject *item = build_arg(a, i);
            if (x->kind == 't')
                OURO_TUPLE_SET(seq, k, item);
            else
                OURO_LIST_SET(seq, k, item);
        }
        return seq;
    }
    default: return NULL;
    }
}

/* --------------------------------------------------------------- construction -- */

static void test_construct(void)
{
    OuroObject *b = B("ab\0c", 4);
    CHECK(ouro_bytes_check(b));
    CHECK_INT(ouro_bytes_length(b), 4);
    CHECK_INT(ouro_object_length(b), 4);
    CHECK(memcmp(ouro_bytes_data(b), "ab\0c", 5) == 0);  /* NUL-terminated */
    CHECK_REPR(b, "b'ab\\x00c'");
    OURO_DECREF(b);
    b = ouro_bytes_from_data(NULL, 3);
    CHECK_REPR(b, "b'\\x00\\x00\\x00'");
    CHECK(ouro_object_footprint(b) <= 32);
    OURO_DECREF(b);
}

static OuroObject *new_bytes(OuroObject *args, OuroObject *kw)
{
    return ouro_bytes_type.tp_new(&ouro_bytes_type, args, kw);
}

static void test_new(void)
{
    OuroObject *args = ouro_tuple_new(0), *r = new_bytes(args, NULL);
    CHECK_REPR(r, "b''");
    OURO_DECREF(r);
    OURO_DECREF(args);

    OuroObject *three = I(3);
    args = ouro_tuple_pack(1, three);
    r = new_bytes(args, NULL);
    CHECK_REPR(r, "b'\\x00\\x00\\x00'");
    OURO_DECREF(r);
    OURO_DECREF(args);

    OuroObject *l = list_of(3, 104, 105, 255);
    args = ouro_tuple_pack(1, l);
    r = new_bytes(args, NULL);
    CHECK_REPR(r, "b'hi\\xff'");
    OURO_DECREF(args);
    /* bytes(b) of an exact bytes is b itself. */
    args = ouro_tuple_pack(1, r);
    OuroObject *r2 = new_bytes(args, NULL);
    CHECK(r2 == r);
    OURO_DECREF(r2);
    OURO_DECREF(args);
    OURO_DECREF(r);
    OURO_DECREF(l);

    /* A generic iterable (a str iterator would give str items: TypeError). */
    OuroObject *t = tuple_of(2, 1, 2), *it = ouro_object_get_iter(t);
    args = ouro_tuple_pack(1, it);
    r = new_bytes(args, NULL);
    CHECK_REPR(r, "b'\\x01\\x02'");
    OURO_DECREF(r);
    OURO_DECREF(args);
    OURO_DECREF(it);
    OURO_DECREF(t);

    OuroObject *s = ouro_str_from_cstr("h\xc3\xa9"), *enc = ouro_str_from_cstr("utf-8");
    OuroObject *lat = ouro_str_from_cstr("latin-1"), *asc = ouro_str_from_cstr("ascii");
    args = ouro_tuple_pack(2, s, enc);
    r = new_bytes(args, NULL);
    CHECK_REPR(r, "b'h\\xc3\\xa9'");
    OURO_DECREF(r);
    OURO_DECREF(args);
    args = ouro_tuple_pack(2, s, lat);
    r = new_bytes(args, NULL);
    CHECK_REPR(r, "b'h\\xe9'");
    OURO_DECREF(r);
    OURO_DECREF(args);
    args = ouro_tuple_pack(2, s, asc);
    CHECK(new_bytes(args, NULL) == NULL);
    CHECK_RAISED(&ouro_exc_UnicodeEncodeError,
                 "'ascii' codec can't encode character '\\xe9' in position 1: ordinal not in range(128)");
    OURO_DECREF(args);

    static const struct { int kind; long long v; OuroType *exc; const char *msg; } errs[] = {
        {'i', -1, &ouro_exc_ValueError, "negative count"},
        {'l', 256, &ouro_exc_ValueError, "bytes must be in range(0, 256)"},
        {'l', -1, &ouro_exc_ValueError, "bytes must be in range(0, 256)"},
        {'s', 0, &ouro_exc_TypeError, "string argument without an encoding"},
        {'n', 0, &ouro_exc_TypeError, "cannot convert 'NoneType' object to bytes"},
        {'L', 0, &ouro_exc_TypeError, "'str' object cannot be interpreted as an integer"},
    };
    for (size_t i = 0; i < OU_ARRAY_LEN(errs); i++) {
        OuroObject *x;
        switch (errs[i].kind) {
        case 'i': x = I(errs[i].v); break;
        case 'l': x = list_of(2, 1, (int)errs[i].v); break;
        case 's': x = OURO_NEWREF(s); break;
        case 'n': x = OURO_NONE; break;
        default: x = ouro_list_new(1); OURO_LIST_SET(x, 0, OURO_NEWREF(s)); break;
        }
        args = ouro_tuple_pack(1, x);
        CHECK(new_bytes(args, NULL) == NULL);
        CHECK_RAISED(errs[i].exc, errs[i].msg);
        OURO_DECREF(args);
        OURO_DECREF(x);
    }
    /* Keywords: bytes(source=..., encoding=...). */
    OuroObject *kw = ouro_dict_new();
    ouro_dict_set_item_str(kw, "source", s);
    ouro_dict_set_item_str(kw, "encoding", enc);
    args = ouro_tuple_new(0);
    r = new_bytes(args, kw);
    CHECK_REPR(r, "b'h\\xc3\\xa9'");
    OURO_DECREF(r);
    ouro_dict_set_item_str(kw, "bogus", enc);
    CHECK(new_bytes(args, kw) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "'bogus' is an invalid keyword argument for bytes()");
    OURO_DECREF(kw);
    kw = ouro_dict_new();
    ouro_dict_set_item_str(kw, "encoding", enc);
    CHECK(new_bytes(args, kw) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "encoding without a string argument");
    OURO_DECREF(kw);
    OURO_DECREF(args);
    OURO_DECREF(three);
    OURO_DECREF(s);
    OURO_DECREF(enc);
    OURO_DECREF(lat);
    OURO_DECREF(asc);
}

/* ------------------------------------------------------------------ repr, hash -- */

static void test_repr(void)
{
    for (size_t i = 0; i < OU_ARRAY_LEN(bytes_repr_cases); i++) {
        OuroObject *b = B(bytes_repr_cases[i].s, (size_t)bytes_repr_cases[i].len);
        CHECK_REPR(b, bytes_repr_cases[i].repr);
        OuroObject *s = ouro_object_str(b);  /* str(b) is repr(b) */
        CHECK_STR(ouro_str_utf8(s), bytes_repr_cases[i].repr);
        OURO_DECREF(s);
        OURO_DECREF(b);
    }
}

static void test_hash(void)
{
    ou_hash_set_secret_for_seed(0);
    OuroObject *b = B("abc", 3), *s = ouro_str_from_cstr("abc"), *e = B("", 0);
    CHECK(ouro_object_hash(b) == -4594863902769663758LL);
    CHECK(ouro_object_hash(b) == ouro_object_hash(s));
    CHECK(ouro_object_hash(e) == 0);
    OuroObject *hi = B("\xc3\xa9", 2);  /* hash(b'\xc3\xa9') with PYTHONHASHSEED=0 */
    CHECK(ouro_object_hash(hi) == ouro_hash_bytes("\xc3\xa9", 2));
    OURO_DECREF(hi);
    OURO_DECREF(b);
    OURO_DECREF(s);
    OURO_DECREF(e);
    ou_hash_reset_secret();
}

/* ----------------------------------------------------------- sequence protocol -- */

static void test_sequence(void)
{
    OuroObject *b = B("a\xff" "bc", 4);
    for (int i = -4; i < 4; i++) {
        OuroObject *k = I(i);
        CHECK_INT(ival(ouro_object_getitem(b, k)), (unsigned char)"a\xff" "bc"[(i + 4) % 4]);
        OURO_DECREF(k);
    }
    OuroObject *k = I(4);
    CHECK(ouro_object_getitem(b, k) == NULL);
    CHECK_RAISED(&ouro_exc_IndexError, "index out of range");
    OURO_DECREF(k);
    k = ouro_str_from_cstr("x");
    CHECK(ouro_object_getitem(b, k) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "byte indices must be integers or slices, not str");
    OURO_DECREF(k);
    /* Slices give bytes. */
    OuroObject *one = I(1), *m1 = I(-1), *two = I(2);
    OuroObject *sl = ouro_slice_new(one, NULL, NULL), *r = ouro_object_getitem(b, sl);
    CHECK_REPR(r, "b'\\xffbc'");
    OURO_DECREF(r);
    OURO_DECREF(sl);
    sl = ouro_slice_new(NULL, NULL, m1);
    r = ouro_object_getitem(b, sl);
    CHECK_REPR(r, "b'cb\\xffa'");
    OURO_DECREF(r);
    OURO_DECREF(sl);
    sl = ouro_slice_new(NULL, NULL, two);
    r = ouro_object_getitem(b, sl);
    CHECK_REPR(r, "b'ab'");
    OURO_DECREF(r);
    OURO_DECREF(sl);
    sl = ouro_slice_new(NULL, NULL, NULL);
    r = ouro_object_getitem(b, sl);
    CHECK(r == b);
    OURO_DECREF(r);
    OURO_DECREF(sl);

    /* `in`: an int byte or a bytes. */
    OuroObject *c = I(99), *big = I(256), *neg = I(-1), *sub = B("bc", 2), *no = B("cb", 2);
    OuroObject *str = ouro_str_from_cstr("a");
    CHECK_INT(ouro_sequence_contains(b, c), 1);
    CHECK_INT(ouro_sequence_contains(b, sub), 1);
    CHECK_INT(ouro_sequence_contains(b, no), 0);
    CHECK_INT(ouro_sequence_contains(b, big), -1);
    CHECK_RAISED(&ouro_exc_ValueError, "byte must be in range(0, 256)");
    CHECK_INT(ouro_sequence_contains(b, neg), -1);
    CHECK_RAISED(&ouro_exc_ValueError, "byte must be in range(0, 256)");
    CHECK_INT(ouro_sequence_contains(b, str), -1);
    CHECK_RAISED(&ouro_exc_TypeError, "a bytes-like object is required, not 'str'");

    /* + and *. */
    r = ouro_number_add(b, sub);
    CHECK_REPR(r, "b'a\\xffbcbc'");
    OURO_DECREF(r);
    CHECK(ouro_number_add(b, str) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "can't concat str to bytes");
    CHECK(ouro_number_add(b, one) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "can't concat int to bytes");
    r = ouro_number_multiply(sub, two);
    CHECK_REPR(r, "b'bcbc'");
    OURO_DECREF(r);
    r = ouro_number_multiply(sub, m1);
    CHECK_REPR(r, "b''");
    OURO_DECREF(r);
    OuroObject *huge = BIG("4611686018427387904");
    CHECK(ouro_number_multiply(sub, huge) == NULL);
    CHECK_RAISED(&ouro_exc_OverflowError, "repeated bytes are too long");
    OuroObject *x = B("x", 1);
    CHECK(ouro_number_multiply(x, huge) == NULL);
    CHECK_RAISED(&ouro_exc_MemoryError, NULL);
    OURO_DECREF(x);
    OURO_DECREF(huge);

    /* Comparison. */
    OuroObject *ab = B("ab", 2), *abc = B("abc", 3), *ab2 = B("ab", 2);
    CHECK_INT(ouro_object_richcompare_bool(ab, abc, OURO_LT), 1);
    CHECK_INT(ouro_object_richcompare_bool(abc, ab, OURO_GT), 1);
    CHECK_INT(ouro_object_richcompare_bool(ab, ab2, OURO_EQ), 1);
    CHECK_INT(ouro_object_richcompare_bool(ab, ab2, OURO_LE), 1);
    CHECK_INT(ouro_object_richcompare_bool(ab, abc, OURO_NE), 1);
    CHECK_INT(ouro_object_richcompare_bool(b, ab, OURO_GT), 1);  /* \xff > b */
    OuroObject *sab = ouro_str_from_cstr("ab");
    CHECK_INT(ouro_object_richcompare_bool(ab, sab, OURO_EQ), 0);
    OURO_DECREF(sab);
    OURO_DECREF(ab);
    OURO_DECREF(ab2);
    OURO_DECREF(abc);

    OURO_DECREF(c);
    OURO_DECREF(big);
    OURO_DECREF(neg);
    OURO_DECREF(sub);
    OURO_DECREF(no);
    OURO_DECREF(str);
    OURO_DECREF(one);
    OURO_DECREF(m1);
    OURO_DECREF(two);
    OURO_DECREF(b);
}

static void test_iteration(void)
{
    OuroObject *b = B("\x01\xff", 2), *it = ouro_object_get_iter(b);
    CHECK_STR(OURO_TYPE_NAME(it), "bytes_iterator");
    CHECK_INT(ival(call_method(it, "__length_hint__", 0)), 2);
    CHECK_INT(ival(ouro_iter_next(it)), 1);
    CHECK_INT(ival(ouro_iter_next(it)), 255);
    CHECK(ouro_iter_next(it) == NULL && !ouro_err_occurred());
    CHECK_INT(ival(call_method(it, "__length_hint__", 0)), 0);
    OURO_DECREF(it);
    OuroObject *l = ouro_sequence_list(b);
    CHECK_REPR(l, "[1, 255]");
    OURO_DECREF(l);
    OURO_DECREF(b);
}

/* -------------------------------------------------------------------- methods -- */

static void test_methods(void)
{
    for (size_t i = 0; i < OU_ARRAY_LEN(bytes_calls); i++) {
        const CallCase *c = &bytes_calls[i];
        OuroObject *recv = B(c->recv, (size_t)c->recvlen), *args[12];
        int k = 0, n = 0;
        while (k < c->nflat)
            args[n++] = build_arg(c->args, &k);
        OuroObject *kwnames = NULL;
        if (c->nkw) {
            kwnames = ouro_tuple_new(c->nkw);
            for (int j = 0; j < c->nkw; j++)
                OURO_TUPLE_SET(kwnames, j, ouro_str_from_cstr(c->kw[j]));
        }
        char what[160];
        snprintf(what, sizeof what, "%.60s.%s(...)", c->recv, c->method);
        check_outcome(call_method_kw(recv, c->method, args, c->nargs - c->nkw, kwnames),
                      c->expect, what, __LINE__);
        for (int j = 0; j < n; j++)
            OURO_DECREF(args[j]);
        OURO_XDECREF(kwnames);
        OURO_DECREF(recv);
    }
}

static void test_fromhex(void)
{
    const OuroMethodDef *m = ou_bytes_methods;
    while (strcmp(m->ml_name, "fromhex") != 0)
        m++;
    CHECK(m->ml_flags & OURO_METH_CLASS);
    ouro_cfunction f = (ouro_cfunction)m->ml_meth;
    OuroObject *s = ouro_str_from_cstr(" ab cd0F\t"), *r = f((OuroObject *)&ouro_bytes_type, s);
    CHECK_REPR(r, "b'\\xab\\xcd\\x0f'");
    OURO_XDECREF(r);
    OURO_DECREF(s);
    s = ouro_str_from_cstr("a b");
    CHECK(f((OuroObject *)&ouro_bytes_type, s) == NULL);
    CHECK_RAISED(&ouro_exc_ValueError, "non-hexadecimal number found in fromhex() arg at position 1");
    OURO_DECREF(s);
    OuroObject *one = I(1);
    CHECK(f((OuroObject *)&ouro_bytes_type, one) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "fromhex() argument must be str, not int");
    OURO_DECREF(one);
}

/* ---------------------------------------------------------- allocation failure -- */

static int op_bytes(void)
{
    OuroObject *b = NULL, *r = NULL, *sep = NULL, *parts = NULL, *joined = NULL, *l = NULL;
    OuroObject *args = NULL, *dec = NULL;
    int rc = -1;
    if (!(b = B("a long enough,bytes value,to split", 34)) || !(sep = B(",", 1)))
        goto done;
    if (!(r = ouro_object_repr(b)) || !(parts = call_method(b, "split", 1, sep)))
        goto done;
    if (!(joined = call_method(sep, "join", 1, parts)) || !(dec = call_method(b, "decode", 0)))
        goto done;
    if (!(l = list_of(3, 1, 2, 3)) || !(args = ouro_tuple_pack(1, l)))
        goto done;
    OuroObject *made = new_bytes(args, NULL);
    if (!made)
        goto done;
    OURO_DECREF(made);
    rc = 0;
done:
    OURO_XDECREF(b);
    OURO_XDECREF(r);
    OURO_XDECREF(sep);
    OURO_XDECREF(parts);
    OURO_XDECREF(joined);
    OURO_XDECREF(l);
    OURO_XDECREF(args);
    OURO_XDECREF(dec);
    return rc;
}

static void test_alloc_failures(void)
{
    CHECK(fail_loop(op_bytes) >= 1);
}

int main(void)
{
    th_begin("bytes");
    RUN(test_construct);
    RUN(test_new);
    RUN(test_repr);
    RUN(test_hash);
    RUN(test_sequence);
    RUN(test_iteration);
    RUN(test_methods);
    RUN(test_fromhex);
    RUN(test_alloc_failures);
    return th_end();
}
