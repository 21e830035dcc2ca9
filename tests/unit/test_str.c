/* tests/unit/test_str.c — str: construction and UTF-8 validation, lengths, indexing and
 * slicing, repr, hashing (values of CPython with PYTHONHASHSEED=0 and 12345), interning,
 * ouro_str_from_format, concatenation and repetition, comparison, `in`, iteration, the
 * methods against CPython's results (test_str_data.h, made by gen_str_data.py) and
 * allocation failures. */
#include "seqtest.h"
#include "objects/strimpl.h"
#include "test_str_data.h"

/* A str from trusted bytes (surrogates allowed, as the data tables encode them). */
static OuroObject *SV(const char *p, int n)
{
    return ou_str_from_valid(p, (size_t)n);
}

/* repr(o) == want, or "Type: message" of the pending exception == want[1:] when want
 * starts with '!'. Consumes o. */
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

/* Builds the argument at *i of a flat list (advancing *i). New reference. */
static OuroObject *build_arg(const CallArg *a, int *i, bool bytes_items)
{
    const CallArg *x = &a[(*i)++];
    switch (x->kind) {
    case 'n': return OURO_NONE;
    case 'i': return ouro_int_from_int64(x->i);
    case 's': return SV(x->s, x->len);
    case 'b': return ouro_bytes_from_data(x->s, (size_t)x->len);
    case 't':
    case 'l': {
        OuroObject *seq = x->kind == 't' ? ouro_tuple_new(x->i) : ouro_list_new(x->i);
        for (long long k = 0; k < x->i; k++) {
            OuroObject *item = build_arg(a, i, bytes_items);
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

/* Runs one generated call case on a receiver made by make. */
static void run_call(const CallCase *c, OuroObject *recv)
{
    OuroObject *args[12];
    int i = 0, n = 0;
    while (i < c->nflat)
        args[n++] = build_arg(c->args, &i, false);
    OuroObject *kwnames = NULL;
    if (c->nkw) {
        kwnames = ouro_tuple_new(c->nkw);
        for (int k = 0; k < c->nkw; k++)
            OURO_TUPLE_SET(kwnames, k, ouro_str_from_cstr(c->kw[k]));
    }
    OuroObject *r = call_method_kw(recv, c->method, args, c->nargs - c->nkw, kwnames);
    char what[256];
    snprintf(what, sizeof what, "%.60s.%s(...)", c->recv, c->method);
    check_outcome(r, c->expect, what, __LINE__);
    for (int k = 0; k < n; k++)
        OURO_DECREF(args[k]);
    OURO_XDECREF(kwnames);
}

/* ------------------------------------------------------------------ construction -- */

static void test_construct(void)
{
    OuroObject *s = ouro_str_from_cstr("hello");
    CHECK(s && ouro_str_check_exact(s));
    CHECK_INT(ouro_str_length(s), 5);
    CHECK_INT(ouro_str_byte_length(s), 5);
    CHECK_STR(ouro_str_utf8(s), "hello");
    CHECK(ouro_str_equal_cstr(s, "hello"));
    CHECK(!ouro_str_equal_cstr(s, "hell"));
    OURO_DECREF(s);

    s = ouro_str_from_cstr("h\xc3\xa9llo \xe2\x82\xac \xf0\x9f\x98\x80");  /* héllo € 😀 */
    CHECK_INT(ouro_str_length(s), 9);
    CHECK_INT(ouro_str_byte_length(s), 15);
    CHECK_INT(ouro_str_codepoint_at(s, 1), 0xE9);
    CHECK_INT(ouro_str_codepoint_at(s, 6), 0x20AC);
    CHECK_INT(ouro_str_codepoint_at(s, 8), 0x1F600);
    CHECK_INT(ou_str_kind(s), 4);
    CHECK_INT(ouro_str_utf8(s)[15], 0);
    OURO_DECREF(s);

    /* Embedded NUL bytes are characters. */
    s = ouro_str_from_utf8("a\0b", 3);
    CHECK_INT(ouro_str_length(s), 3);
    CHECK_REPR(s, "'a\\x00b'");
    OURO_DECREF(s);

    /* Kinds: Latin-1, BMP, astral. */
    s = ouro_str_from_cstr("\xc3\xbf");
    CHECK_INT(ou_str_kind(s), 1);
    OURO_DECREF(s);
    s = ouro_str_from_cstr("a\xc4\x80");
    CHECK_INT(ou_str_kind(s), 2);
    OURO_DECREF(s);
}

static void test_layout_size(void)
{
    /* A one-character ASCII str: 24 bytes of header, the byte and the NUL. */
    OuroObject *s = ou_str_alloc(1, 1, 1);
    ou_str_data(s)[0] = 'x';
    CHECK(ouro_object_footprint(s) <= 32);
    CHECK_INT(ouro_str_length(s), 1);
    OURO_DECREF(s);
    /* Non-ASCII strings keep their code point count after the data. */
    s = ouro_str_from_cstr("\xc3\xa9t\xc3\xa9");
    CHECK_INT(ouro_str_length(s), 3);
    CHECK(ouro_object_footprint(s) <= 40);
    OURO_DECREF(s);
}

static void test_invalid_utf8(void)
{
    static const struct { const char *s; int n; const char *msg; } cases[] = {
        {"\xff", 1, "'utf-8' codec can't decode byte 0xff in position 0: invalid start byte"},
        {"\x80", 1, "'utf-8' codec can't decode byte 0x80 in position 0: invalid start byte"},
        {"ab\xf8", 3, "'utf-8' codec can't decode byte 0xf8 in position 2: invalid start byte"},
        {"\xc0\x80", 2, "'utf-8' codec can't decode byte 0xc0 in position 0: invalid start byte"},
        {"\xe2\x82x", 3, "'utf-8' codec can't decode bytes in position 0-1: invalid continuation byte"},
        {"\xe2\x82", 2, "'utf-8' codec can't decode bytes in position 0-1: unexpected end of data"},
        {"a\xe2", 2, "'utf-8' codec can't decode byte 0xe2 in position 1: unexpected end of data"},
        {"\xed\xa0\x80", 3, "'utf-8' codec can't decode byte 0xed in position 0: invalid continuation byte"},
        {"\xe0\x80\x80", 3, "'utf-8' codec can't decode byte 0xe0 in position 0: invalid continuation byte"},
        {"\xf4\x90\x80\x80", 4, "'utf-8' codec can't decode byte 0xf4 in position 0: invalid continuation byte"},
        {"\xf0\x9f\x98", 3, "'utf-8' codec can't decode bytes in position 0-2: unexpected end of data"},
        {"\xf0\x9f\x98x", 4, "'utf-8' codec can't decode bytes in position 0-2: invalid continuation byte"},
        {"\xf0\x9fx", 3, "'utf-8' codec can't decode bytes in position 0-1: invalid continuation byte"},
        {"abcdefghij\xc3", 11, "'utf-8' codec can't decode byte 0xc3 in position 10: unexpected end of data"},
    };
    for (size_t i = 0; i < OU_ARRAY_LEN(cases); i++) {
        CHECK(ouro_str_from_utf8(cases[i].s, (size_t)cases[i].n) == NULL);
        CHECK_RAISED(&ouro_exc_UnicodeDecodeError, cases[i].msg);
    }
    /* The largest valid sequences of each length pass. */
    OuroObject *s = ouro_str_from_utf8("\x7f\xdf\xbf\xef\xbf\xbf\xf4\x8f\xbf\xbf", 10);
    CHECK(s && ouro_str_length(s) == 4);
    CHECK_INT(ouro_str_codepoint_at(s, 3), 0x10FFFF);
    OURO_XDECREF(s);
}

static void test_codepoints(void)
{
    OuroObject *a = ouro_str_from_codepoint('a'), *b = ouro_str_from_cstr("a");
    CHECK(a == b);  /* Latin-1 singletons */
    CHECK(ouro_is_immortal(a));
    OuroObject *e1 = ouro_str_from_codepoint(0xE9), *e2 = ouro_str_from_cstr("\xc3\xa9");
    CHECK(e1 == e2);
    OuroObject *euro = ouro_str_from_codepoint(0x20AC);
    CHECK(!ouro_is_immortal(euro));
    CHECK_STR(ouro_str_utf8(euro), "\xe2\x82\xac");
    /* Lone surrogates: generalized UTF-8 (3 bytes), one code point, escaped by repr. */
    OuroObject *sur = ouro_str_from_codepoint(0xD800);
    CHECK_INT(ouro_str_length(sur), 1);
    CHECK_INT(ouro_str_byte_length(sur), 3);
    CHECK_INT(ouro_str_codepoint_at(sur, 0), 0xD800);
    CHECK_REPR(sur, "'\\ud800'");
    OuroObject *top = ouro_str_from_codepoint(0x10FFFF);
    CHECK_INT(ou_str_kind(top), 4);
    CHECK(ouro_str_from_codepoint(0x110000) == NULL);
    CHECK_RAISED(&ouro_exc_ValueError, "chr() arg not in range(0x110000)");
    /* Two surrogates side by side stay two code points (not a pair). */
    OuroObject *lo = ouro_str_from_codepoint(0xDE00);
    OuroObject *pair = ouro_str_concat(sur, lo);
    CHECK_INT(ouro_str_length(pair), 2);
    CHECK_REPR(pair, "'\\ud800\\ude00'");
    /* encode refuses them, as CPython. */
    OuroObject *r = call_method(pair, "encode", 0);
    CHECK(!r);
    CHECK_RAISED(&ouro_exc_UnicodeEncodeError,
                 "'utf-8' codec can't encode characters in position 0-1: surrogates not allowed");
    OURO_DECREF(pair);
    OURO_DECREF(lo);
    OURO_DECREF(top);
    OURO_DECREF(sur);
    OURO_DECREF(euro);
    OURO_DECREF(e1);
    OURO_DECREF(e2);
    OURO_DECREF(a);
    OURO_DECREF(b);
}

/* ------------------------------------------------------------- indexing, slicing -- */

static void test_indexing(void)
{
    const char *texts[] = {"hello", "h\xc3\xa9llo w\xc3\xb6rld \xf0\x9f\x98\x80 \xe6\x97\xa5"};
    for (int t = 0; t < 2; t++) {
        OuroObject *s = ouro_str_from_cstr(texts[t]);
        /* Expected code points, decoded independently. */
        uint32_t cps[64];
        int n = 0;
        for (const unsigned char *p = (const unsigned char *)texts[t]; *p;)
            cps[n++] = ou_utf8_next(&p);
        CHECK_INT(ouro_str_length(s), n);
        for (int i = -n; i < n; i++) {
            OuroObject *key = ouro_int_from_int64(i);
            OuroObject *c = ouro_object_getitem(s, key);
            CHECK(c && ouro_str_length(c) == 1 && ouro_str_codepoint_at(c, 0) == cps[(i + n) % n]);
            OURO_XDECREF(c);
            OURO_DECREF(key);
        }
        for (int i = 0; i < n; i++)
            CHECK_INT(ouro_str_codepoint_at(s, i), cps[i]);
        OuroObject *key = ouro_int_from_int64(n);
        CHECK(ouro_object_getitem(s, key) == NULL);
        CHECK_RAISED(&ouro_exc_IndexError, "string index out of range");
        OURO_DECREF(key);
        key = ouro_int_from_int64(-n - 1);
        CHECK(ouro_object_getitem(s, key) == NULL);
        CHECK_RAISED(&ouro_exc_IndexError, "string index out of range");
        OURO_DECREF(key);
        key = ouro_str_from_cstr("x");
        CHECK(ouro_object_getitem(s, key) == NULL);
        CHECK_RAISED(&ouro_exc_TypeError, "string indices must be integers, not 'str'");
        OURO_DECREF(key);
        key = BIG("100000000000000000000");
        CHECK(ouro_object_getitem(s, key) == NULL);
        CHECK_RAISED(&ouro_exc_IndexError, NULL);
        OURO_DECREF(key);
        OURO_DECREF(s);
    }
}

static void test_slicing(void)
{
    OuroObject *recv[2] = {ouro_str_from_cstr(slice_recv[0]), ouro_str_from_cstr(slice_recv[1])};
    for (size_t i = 0; i < OU_ARRAY_LEN(slice_cases); i++) {
        const SliceCase *c = &slice_cases[i];
        OuroObject *a = c->start == INT64_MIN ? NULL : ouro_int_from_int64(c->start);
        OuroObject *b = c->stop == INT64_MIN ? NULL : ouro_int_from_int64(c->stop);
        OuroObject *st = c->step == INT64_MIN ? NULL : ouro_int_from_int64(c->step);
        OuroObject *sl = ouro_slice_new(a, b, st);
        char what[96];
        snprintf(what, sizeof what, "s%d[%lld:%lld:%lld]", c->recv, c->start, c->stop, c->step);
        check_outcome(ouro_object_getitem(recv[c->recv], sl), c->repr, what, __LINE__);
        OURO_DECREF(sl);
        OURO_XDECREF(a);
        OURO_XDECREF(b);
        OURO_XDECREF(st);
    }
    /* Step zero. */
    OuroObject *zero = I(0), *sl = ouro_slice_new(NULL, NULL, zero);
    CHECK(ouro_object_getitem(recv[1], sl) == NULL);
    CHECK_RAISED(&ouro_exc_ValueError, "slice step cannot be zero");
    OURO_DECREF(sl);
    OURO_DECREF(zero);
    /* The full slice of an exact str is the str itself. */
    sl = ouro_slice_new(NULL, NULL, NULL);
    OuroObject *full = ouro_object_getitem(recv[1], sl);
    CHECK(full == recv[1]);
    OURO_XDECREF(full);
    OURO_DECREF(sl);
    /* Substring boundaries. */
    OuroObject *sub = ouro_str_substring(recv[1], 1, 4);
    CHECK_STR(ouro_str_utf8(sub), "\xc3\xa9ll");
    OURO_DECREF(sub);
    OURO_DECREF(recv[0]);
    OURO_DECREF(recv[1]);
}

/* Slicing a long non-ASCII string walks from the nearer end; check both halves. */
static void test_long_nonascii(void)
{
    OuStrBuf b;
    ou_strbuf_init(&b);
    for (int i = 0; i < 1000; i++)
        ou_strbuf_append_cstr(&b, i % 7 == 0 ? "\xe2\x82\xac" : i % 5 == 0 ? "\xc3\xa9" : "x");
    OuroObject *s = ou_strbuf_finish(&b);
    CHECK_INT(ouro_str_length(s), 1000);
    for (int i = 0; i < 1000; i += 37)
        CHECK_INT(ouro_str_codepoint_at(s, i), i % 7 == 0 ? 0x20AC : i % 5 == 0 ? 0xE9 : 'x');
    OuroObject *sub = ouro_str_substring(s, 700, 707);
    CHECK_INT(ouro_str_length(sub), 7);
    CHECK_INT(ouro_str_codepoint_at(sub, 0), 0x20AC);
    OURO_DECREF(sub);
    /* Sequential and backward indexing from the middle (the cached position). */
    for (int i = 300; i < 700; i++)
        CHECK_INT(ouro_str_codepoint_at(s, i), i % 7 == 0 ? 0x20AC : i % 5 == 0 ? 0xE9 : 'x');
    for (int i = 650; i > 350; i -= 3)
        CHECK_INT(ouro_str_codepoint_at(s, i), i % 7 == 0 ? 0x20AC : i % 5 == 0 ? 0xE9 : 'x');
    OURO_DECREF(s);
    /* A new string at the freed address must not use the old position: two strings of
     * the same size (one size class) with their two-byte characters in different halves. */
    char t1[160], t2[160];
    int n1 = 0, n2 = 0;
    for (int i = 0; i < 100; i++) {
        n1 += snprintf(t1 + n1, sizeof t1 - (size_t)n1, "%s", i < 30 ? "\xc3\xa9" : "y");
        n2 += snprintf(t2 + n2, sizeof t2 - (size_t)n2, "%s", i >= 70 ? "\xc3\xa9" : "y");
    }
    int reused = 0;
    for (int round = 0; round < 20; round++) {
        s = ouro_str_from_utf8(t1, (size_t)n1);
        uintptr_t addr = (uintptr_t)s;
        CHECK_INT(ouro_str_codepoint_at(s, 50), 'y');
        OURO_DECREF(s);
        s = ouro_str_from_utf8(t2, (size_t)n2);
        reused += (uintptr_t)s == addr;
        for (int i = 45; i < 55; i++)
            CHECK_INT(ouro_str_codepoint_at(s, i), 'y');
        CHECK_INT(ouro_str_codepoint_at(s, 70), 0xE9);
        OURO_DECREF(s);
    }
    OuroMemStats st;
    ouro_mem_stats(&st);
    /* The allocator reused the block, so the case was exercised (the system allocator
     * of OURO_MALLOC=malloc, e.g. valgrind's, need not reuse addresses). */
    CHECK(reused > 0 || st.use_malloc);
}

/* ---------------------------------------------------------------- repr and hash -- */

static void test_repr(void)
{
    for (size_t i = 0; i < OU_ARRAY_LEN(repr_cases); i++) {
        OuroObject *s = SV(repr_cases[i].s, repr_cases[i].len);
        OuroObject *r = ouro_object_repr(s);
        CHECK_STR(ouro_str_utf8(r), repr_cases[i].repr);
        /* Its length and kind are counted right. */
        int kind;
        CHECK_INT(ouro_str_length(r), ou_utf8_count(ouro_str_utf8(r), (size_t)ouro_str_byte_length(r), &kind));
        CHECK_INT(ou_str_kind(r), kind);
        OURO_DECREF(r);
        OURO_DECREF(s);
    }
    /* str() of an exact str is itself. */
    OuroObject *s = ouro_str_from_cstr("x y"), *t = ouro_object_str(s);
    CHECK(s == t);
    OURO_DECREF(t);
    OURO_DECREF(s);
}

/* Hash values against CPython's for one seed. Interned singletons cache their hash, so
 * each seed gets its own runtime (its own test). */
static void check_hashes(uint32_t seed)
{
    ou_hash_set_secret_for_seed(seed);
    for (size_t i = 0; i < OU_ARRAY_LEN(hash_cases); i++) {
        const HashCase *c = &hash_cases[i];
        OuroObject *s = SV(c->s, c->len);
        long long want = seed ? c->h12345 : c->h0;
        if (ouro_object_hash(s) != want)
            printf("#   hash #%zu (seed %u): %lld != %lld\n", i, seed,
                   (long long)ouro_object_hash(s), want);
        CHECK(ouro_object_hash(s) == want);
        CHECK(ouro_str_hash(s) == want);  /* cached */
        if (!seed)
            CHECK(ouro_hash_bytes(c->s, (size_t)c->len) == c->b0);
        OURO_DECREF(s);
    }
    ou_hash_reset_secret();
}

static void test_hash_seed12345(void)
{
    check_hashes(12345);
}

static void test_hash(void)
{
    check_hashes(0);
    ou_hash_set_secret_for_seed(0);
    /* The brief's reference line: PYTHONHASHSEED=0 python3 -c "print(hash('abc'), ...)". */
    OuroObject *abc = ouro_str_from_cstr("abc"), *e = ouro_str_from_cstr("\xc3\xa9");
    OuroObject *euro = ouro_str_from_cstr("\xe2\x82\xac"), *smile = ouro_str_from_cstr("\xf0\x9f\x98\x80");
    OuroObject *babc = ouro_bytes_from_data("abc", 3);
    CHECK(ouro_object_hash(abc) == -4594863902769663758LL);
    CHECK(ouro_object_hash(e) == 6047309291227476195LL);
    CHECK(ouro_object_hash(euro) == -5529981157763016009LL);
    CHECK(ouro_object_hash(smile) == -3536540696076613844LL);
    CHECK(ouro_object_hash(babc) == -4594863902769663758LL);
    OURO_DECREF(abc);
    OURO_DECREF(e);
    OURO_DECREF(euro);
    OURO_DECREF(smile);
    OURO_DECREF(babc);
    /* The empty string hashes to 0 whatever the key. */
    ou_hash_set_secret_for_seed(777);
    OuroObject *empty = ouro_str_from_cstr("");
    CHECK(ouro_object_hash(empty) == 0);
    OURO_DECREF(empty);
    ou_hash_reset_secret();
}

/* ---------------------------------------------------------------------- interning -- */

static void test_interning(void)
{
    OuroObject *a = ouro_str_intern_cstr("some_identifier");
    OuroObject *b = ouro_str_intern_cstr("some_identifier");
    CHECK(a && a == b);
    CHECK(ouro_str_is_interned(a));
    CHECK(ouro_is_immortal(a));
    uint32_t rc = a->ob_refcnt;
    OURO_DECREF(a);
    OURO_DECREF(b);
    CHECK(a->ob_refcnt == rc);

    /* A fresh equal str is replaced by the interned one (and released). */
    OuroObject *c = ouro_str_from_cstr("some_identifier");
    CHECK(c != a && !ouro_str_is_interned(c));
    ouro_str_intern_in_place(&c);
    CHECK(c == a);

    /* Interning a fresh str makes that object the canonical one. */
    OuroObject *d = ouro_str_from_cstr("another one \xc3\xa9");
    OuroObject *d0 = d;
    ouro_str_intern_in_place(&d);
    CHECK(d == d0 && ouro_str_is_interned(d));
    OuroObject *d2 = ouro_str_intern_cstr("another one \xc3\xa9");
    CHECK(d2 == d);

    /* The empty string and one-character Latin-1 strings are shared and interned. */
    OuroObject *e1 = ouro_str_from_cstr(""), *e2 = ouro_str_from_utf8("abc", 0);
    CHECK(e1 == e2 && ouro_str_is_interned(e1));
    OuroObject *x = ouro_str_from_cstr("x"), *xi = ouro_str_intern_cstr("x");
    CHECK(x == xi);
    OuroObject *abc = ouro_str_from_cstr("abc");
    OuroObject *k = I(2), *item = ouro_object_getitem(abc, k);
    OuroObject *cc = ouro_str_from_cstr("c");
    CHECK(item == cc);
    OURO_DECREF(cc);
    OURO_DECREF(item);
    OURO_DECREF(k);
    OURO_DECREF(abc);

    /* Many interned strings: the table grows and keeps them all. */
    OuroObject *keep[600];
    for (int i = 0; i < 600; i++) {
        char buf[32];
        snprintf(buf, sizeof buf, "name_%d", i);
        keep[i] = ouro_str_intern_cstr(buf);
    }
    int same = 0;
    for (int i = 0; i < 600; i++) {
        char buf[32];
        snprintf(buf, sizeof buf, "name_%d", i);
        OuroObject *again = ouro_str_intern_cstr(buf);
        same += again == keep[i];
    }
    CHECK_INT(same, 600);
    /* The harness checks that ou_str_fini_interned freed every one of them. */
}

/* ------------------------------------------------------------------- formatting -- */

static OuroObject *fmt(const char *f, ...)
{
    va_list ap;
    va_start(ap, f);
    OuroObject *r = ouro_str_from_vformat(f, ap);
    va_end(ap);
    return r;
}

#define CHECK_FMT(expect, ...) do { \
        OuroObject *r_ = fmt(__VA_ARGS__); \
        CHECK(r_ != NULL); \
        if (r_) { CHECK_STR(ouro_str_utf8(r_), expect); OURO_DECREF(r_); } \
        else ouro_err_clear(); \
    } while (0)

static void test_from_format(void)
{
    OuroObject *s = ouro_str_from_cstr("h\xc3\xa9llo"), *i42 = I(42);
    OuroObject *q = ouro_str_from_cstr("it's");
    CHECK_FMT("plain text", "plain text");
    CHECK_FMT("100%", "100%%");
    CHECK_FMT("-7 7 4294967295", "%d %i %u", -7, 7, 4294967295u);
    CHECK_FMT("-9000000000 9000000000", "%ld %lu", -9000000000L, 9000000000UL);
    CHECK_FMT("-9000000000 18446744073709551615", "%lld %llu", -9000000000LL, 18446744073709551615ULL);
    CHECK_FMT("-5 5", "%zd %zu", (ptrdiff_t)-5, (size_t)5);
    CHECK_FMT("ff 0", "%x %x", 255, 0);
    CHECK_FMT("[   42] [00042] [042] [-0042]", "[%5d] [%05d] [%.3d] [%05d]", 42, 42, 42, -42);
    CHECK_FMT("A\xc3\xa9\xe2\x82\xac", "%c%c%c", 'A', 0xE9, 0x20AC);
    CHECK_FMT("0x0", "%p", (void *)0);
    CHECK_FMT("0x1234", "%p", (void *)0x1234);
    CHECK_FMT("name: x", "name: %s", "x");
    CHECK_FMT("abc", "%.3s", "abcdef");
    CHECK_FMT("   ab", "%5.2s", "abcdef");
    CHECK_FMT("a\xef\xbf\xbd" "b", "%s", "a\xff" "b");         /* invalid bytes -> U+FFFD */
    CHECK_FMT("\xef\xbf\xbd", "%s", "\xe2\x82");             /* truncated sequence */
    CHECK_FMT("h\xc3\xa9llo", "%U", s);
    CHECK_FMT("h\xc3\xa9l", "%.3U", s);                      /* precision in code points */
    CHECK_FMT("  h\xc3\xa9llo", "%7U", s);
    CHECK_FMT("'h\xc3\xa9llo' h\xc3\xa9llo 42", "%R %S %S", s, s, i42);
    CHECK_FMT("\"it's\"", "%R", q);
    CHECK_FMT("'h\\xe9llo'", "%A", s);
    CHECK_FMT("int str", "%T %T", i42, s);
    CHECK_FMT("h\xc3\xa9llo fallback", "%V %V", s, "unused", (OuroObject *)NULL, "fallback");
    CHECK_FMT("unknown %q %d", "unknown %q %d", 5);            /* the rest copied as is */
    CHECK_FMT("'h\xc3\xa9", "%.3R", s);
    /* Errors inside propagate. */
    CHECK(fmt("%c", 0x110000) == NULL);
    CHECK_RAISED(&ouro_exc_OverflowError, "character argument not in range(0x110000)");
    /* Through ouro_err_format, as the rest of the runtime uses it. */
    ouro_err_format(&ouro_exc_ValueError, "%R and %d", s, 3);
    CHECK_RAISED(&ouro_exc_ValueError, "'h\xc3\xa9llo' and 3");
    /* Lone surrogates in %U survive. */
    OuroObject *sur = ouro_str_from_codepoint(0xDC80);
    OuroObject *r = fmt("<%U>", sur);
    CHECK(r && ouro_str_length(r) == 3 && ouro_str_codepoint_at(r, 1) == 0xDC80);
    OURO_XDECREF(r);
    if (!r)
        ouro_err_clear();
    OURO_DECREF(sur);
    OURO_DECREF(q);
    OURO_DECREF(s);
    OURO_DECREF(i42);
}

/* ---------------------------------------------------------- operators, protocol -- */

static void test_concat_repeat(void)
{
    OuroObject *a = ouro_str_from_cstr("ab"), *b = ouro_str_from_cstr("\xc3\xa9\xe2\x82\xac");
    OuroObject *ab = ouro_number_add(a, b);
    CHECK_STR(ouro_str_utf8(ab), "ab\xc3\xa9\xe2\x82\xac");
    CHECK_INT(ouro_str_length(ab), 4);
    CHECK_INT(ou_str_kind(ab), 2);
    OURO_DECREF(ab);
    OuroObject *empty = ouro_str_from_cstr("");
    OuroObject *same = ouro_str_concat(a, empty);
    CHECK(same == a);
    OURO_DECREF(same);
    same = ouro_str_concat(empty, b);
    CHECK(same == b);
    OURO_DECREF(same);

    OuroObject *one = I(1);
    CHECK(ouro_number_add(a, one) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "can only concatenate str (not \"int\") to str");
    OuroObject *by = ouro_bytes_from_data("a", 1);
    CHECK(ouro_number_add(a, by) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "can only concatenate str (not \"bytes\") to str");

    OuroObject *three = I(3), *neg = I(-2), *zero = I(0);
    OuroObject *r = ouro_number_multiply(b, three);
    CHECK_STR(ouro_str_utf8(r), "\xc3\xa9\xe2\x82\xac\xc3\xa9\xe2\x82\xac\xc3\xa9\xe2\x82\xac");
    CHECK_INT(ouro_str_length(r), 6);
    OURO_DECREF(r);
    r = ouro_number_multiply(three, a);
    CHECK_STR(ouro_str_utf8(r), "ababab");
    OURO_DECREF(r);
    r = ouro_number_multiply(a, neg);
    CHECK(r == empty);
    OURO_DECREF(r);
    r = ouro_number_multiply(a, zero);
    CHECK(r == empty);
    OURO_DECREF(r);
    r = ouro_number_multiply(a, one);
    CHECK(r == a);
    OURO_DECREF(r);
    CHECK(ouro_number_multiply(a, a) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "can't multiply sequence by non-int of type 'str'");
    /* 'ab' * 2**62: the length overflows; 'a' * 2**62 fits but cannot be allocated. */
    OuroObject *big = BIG("4611686018427387904");
    CHECK(ouro_number_multiply(a, big) == NULL);
    CHECK_RAISED(&ouro_exc_OverflowError, "repeated string is too long");
    OuroObject *x = ouro_str_from_cstr("x");
    CHECK(ouro_number_multiply(x, big) == NULL);
    CHECK_RAISED(&ouro_exc_MemoryError, NULL);
    OuroObject *huge = BIG("9223372036854775808");
    CHECK(ouro_number_multiply(x, huge) == NULL);
    CHECK_RAISED(&ouro_exc_OverflowError, "cannot fit 'int' into an index-sized integer");
    OURO_DECREF(huge);
    OURO_DECREF(x);
    OURO_DECREF(big);
    OURO_DECREF(three);
    OURO_DECREF(neg);
    OURO_DECREF(zero);
    OURO_DECREF(one);
    OURO_DECREF(by);
    OURO_DECREF(empty);
    OURO_DECREF(a);
    OURO_DECREF(b);
}

static void test_compare(void)
{
    /* Code point order, surrogates included: a < é < U+D800 < U+E000 < 😀. */
    uint32_t order[] = {'a', 0xE9, 0xD800, 0xE000, 0x1F600};
    for (int i = 0; i < 5; i++) {
        for (int j = 0; j < 5; j++) {
            OuroObject *x = ouro_str_from_codepoint(order[i]), *y = ouro_str_from_codepoint(order[j]);
            CHECK_INT(ouro_object_richcompare_bool(x, y, OURO_LT), i < j);
            CHECK_INT(ouro_object_richcompare_bool(x, y, OURO_LE), i <= j);
            CHECK_INT(ouro_object_richcompare_bool(x, y, OURO_EQ), i == j);
            CHECK_INT(ouro_object_richcompare_bool(x, y, OURO_NE), i != j);
            CHECK_INT(ouro_object_richcompare_bool(x, y, OURO_GT), i > j);
            CHECK_INT(ouro_object_richcompare_bool(x, y, OURO_GE), i >= j);
            CHECK_INT(ouro_str_compare(x, y), i < j ? -1 : i > j);
            OURO_DECREF(x);
            OURO_DECREF(y);
        }
    }
    OuroObject *ab = ouro_str_from_cstr("ab"), *abc = ouro_str_from_cstr("abc");
    OuroObject *ab2 = ouro_str_from_utf8("abc", 2);
    CHECK_INT(ouro_object_richcompare_bool(ab, abc, OURO_LT), 1);
    CHECK_INT(ouro_object_richcompare_bool(ab, ab2, OURO_EQ), 1);
    CHECK(ouro_str_equal(ab, ab2));
    CHECK(ouro_object_hash(ab) == ouro_object_hash(ab2));
    OuroObject *one = I(1);
    CHECK_INT(ouro_object_richcompare_bool(ab, one, OURO_EQ), 0);
    CHECK_INT(ouro_object_richcompare_bool(ab, one, OURO_NE), 1);
    CHECK_INT(ouro_object_richcompare_bool(ab, one, OURO_LT), -1);
    CHECK_RAISED(&ouro_exc_TypeError, "'<' not supported between instances of 'str' and 'int'");
    OURO_DECREF(one);
    OURO_DECREF(ab);
    OURO_DECREF(ab2);
    OURO_DECREF(abc);
}

static void test_contains(void)
{
    OuroObject *s = ouro_str_from_cstr("h\xc3\xa9llo \xf0\x9f\x98\x80 world");
    const char *yes[] = {"", "h", "\xc3\xa9ll", "\xf0\x9f\x98\x80", "world", "o \xf0\x9f\x98\x80 w"};
    const char *no[] = {"x", "\xc3\xa9L", "worlds"};
    for (size_t i = 0; i < OU_ARRAY_LEN(yes); i++) {
        OuroObject *x = ouro_str_from_cstr(yes[i]);
        CHECK_INT(ouro_sequence_contains(s, x), 1);
        OURO_DECREF(x);
    }
    for (size_t i = 0; i < OU_ARRAY_LEN(no); i++) {
        OuroObject *x = ouro_str_from_cstr(no[i]);
        CHECK_INT(ouro_sequence_contains(s, x), 0);
        OURO_DECREF(x);
    }
    OuroObject *one = I(1);
    CHECK_INT(ouro_sequence_contains(s, one), -1);
    CHECK_RAISED(&ouro_exc_TypeError, "'in <string>' requires string as left operand, not int");
    CHECK_INT(ouro_sequence_contains(s, OURO_NONE), -1);
    CHECK_RAISED(&ouro_exc_TypeError, "'in <string>' requires string as left operand, not NoneType");
    OURO_DECREF(one);
    OURO_DECREF(s);
}

static void test_iteration(void)
{
    OuroObject *s = ouro_str_from_cstr("abc");
    OuroObject *it = ouro_object_get_iter(s);
    CHECK_STR(OURO_TYPE_NAME(it), "str_ascii_iterator");
    CHECK(ouro_gc_is_tracked(it));
    const char *want[] = {"a", "b", "c"};
    for (int i = 0; i < 3; i++) {
        OuroObject *c = ouro_iter_next(it);
        CHECK(c && ouro_str_equal_cstr(c, want[i]));
        CHECK(c && ouro_is_immortal(c));
        OURO_XDECREF(c);
    }
    CHECK(ouro_iter_next(it) == NULL && !ouro_err_occurred());
    CHECK(ouro_iter_next(it) == NULL && !ouro_err_occurred());
    OURO_DECREF(it);
    OURO_DECREF(s);

    s = ouro_str_from_cstr("\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80z");
    it = ouro_object_get_iter(s);
    CHECK_STR(OURO_TYPE_NAME(it), "str_iterator");
    OuroObject *hint = call_method(it, "__length_hint__", 0);
    CHECK_INT(ival(hint), 4);
    uint32_t cps[] = {0xE9, 0x20AC, 0x1F600, 'z'};
    for (int i = 0; i < 4; i++) {
        OuroObject *c = ouro_iter_next(it);
        CHECK(c && ouro_str_length(c) == 1 && ouro_str_codepoint_at(c, 0) == cps[i]);
        OURO_XDECREF(c);
    }
    CHECK_INT(ival(call_method(it, "__length_hint__", 0)), 0);
    CHECK(ouro_iter_next(it) == NULL && !ouro_err_occurred());
    OURO_DECREF(it);
    /* list(s) goes through the iterator too. */
    OuroObject *l = ouro_sequence_list(s);
    CHECK_REPR(l, "['\xc3\xa9', '\xe2\x82\xac', '\xf0\x9f\x98\x80', 'z']");
    OURO_DECREF(l);
    OURO_DECREF(s);
}

static void test_new(void)
{
    OuroType *t = &ouro_str_type;
    OuroObject *args = ouro_tuple_new(0);
    OuroObject *r = t->tp_new(t, args, NULL);
    CHECK(r && ouro_str_length(r) == 0);
    OURO_XDECREF(r);
    OURO_DECREF(args);
    OuroObject *i42 = I(42);
    args = ouro_tuple_pack(1, i42);
    r = t->tp_new(t, args, NULL);
    CHECK(r && ouro_str_equal_cstr(r, "42"));
    OURO_XDECREF(r);
    OURO_DECREF(args);
    OuroObject *b = ouro_bytes_from_data("h\xc3\xa9", 3), *enc = ouro_str_from_cstr("UTF-8");
    args = ouro_tuple_pack(2, b, enc);
    r = t->tp_new(t, args, NULL);
    CHECK(r && ouro_str_equal_cstr(r, "h\xc3\xa9"));
    OURO_XDECREF(r);
    OURO_DECREF(args);
    OuroObject *latin = ouro_str_from_cstr("latin-1");
    args = ouro_tuple_pack(2, b, latin);
    r = t->tp_new(t, args, NULL);
    CHECK(r && ouro_str_equal_cstr(r, "h\xc3\x83\xc2\xa9"));
    OURO_XDECREF(r);
    OURO_DECREF(args);
    OuroObject *bad = ouro_bytes_from_data("\xff", 1);
    args = ouro_tuple_pack(2, bad, enc);
    CHECK(t->tp_new(t, args, NULL) == NULL);
    CHECK_RAISED(&ouro_exc_UnicodeDecodeError,
                 "'utf-8' codec can't decode byte 0xff in position 0: invalid start byte");
    OURO_DECREF(args);
    OuroObject *ascii = ouro_str_from_cstr("ascii");
    args = ouro_tuple_pack(2, bad, ascii);
    CHECK(t->tp_new(t, args, NULL) == NULL);
    CHECK_RAISED(&ouro_exc_UnicodeDecodeError,
                 "'ascii' codec can't decode byte 0xff in position 0: ordinal not in range(128)");
    OURO_DECREF(args);
    args = ouro_tuple_pack(2, i42, enc);
    CHECK(t->tp_new(t, args, NULL) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "decoding to str: need a bytes-like object, int found");
    OURO_DECREF(args);
    args = ouro_tuple_pack(2, enc, enc);
    CHECK(t->tp_new(t, args, NULL) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "decoding str is not supported");
    OURO_DECREF(args);
    OuroObject *nope = ouro_str_from_cstr("nope");
    args = ouro_tuple_pack(2, b, nope);
    CHECK(t->tp_new(t, args, NULL) == NULL);
    CHECK_RAISED(&ouro_exc_LookupError, "unknown encoding: nope");
    OURO_DECREF(args);
    args = ouro_tuple_pack(4, b, b, b, b);
    CHECK(t->tp_new(t, args, NULL) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "str() takes at most 3 arguments (4 given)");
    OURO_DECREF(args);
    /* Keywords. */
    OuroObject *kw = ouro_dict_new();
    ouro_dict_set_item_str(kw, "x", i42);
    args = ouro_tuple_new(0);
    CHECK(t->tp_new(t, args, kw) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "'x' is an invalid keyword argument for str()");
    OURO_DECREF(kw);
    kw = ouro_dict_new();
    ouro_dict_set_item_str(kw, "object", i42);
    r = t->tp_new(t, args, kw);
    CHECK(r && ouro_str_equal_cstr(r, "42"));
    OURO_XDECREF(r);
    OURO_DECREF(kw);
    OURO_DECREF(args);
    OURO_DECREF(nope);
    OURO_DECREF(ascii);
    OURO_DECREF(bad);
    OURO_DECREF(latin);
    OURO_DECREF(b);
    OURO_DECREF(enc);
    OURO_DECREF(i42);
}

/* --------------------------------------------------------------------- methods -- */

static void test_methods(void)
{
    for (size_t i = 0; i < OU_ARRAY_LEN(str_calls); i++) {
        OuroObject *recv = SV(str_calls[i].recv, str_calls[i].recvlen);
        run_call(&str_calls[i], recv);
        OURO_DECREF(recv);
    }
}

static void test_method_identity(void)
{
    /* CPython returns the str itself where nothing changes (exact str only). */
    OuroObject *s = ouro_str_from_cstr("a,b"), *x = ouro_str_from_cstr("x"), *y = ouro_str_from_cstr("y");
    OuroObject *r = call_method(s, "replace", 2, x, y);
    CHECK(r == s);
    OURO_XDECREF(r);
    r = call_method(s, "split", 1, x);
    CHECK(r && OURO_LIST_GET(r, 0) == s);
    OURO_XDECREF(r);
    r = call_method(s, "strip", 0);
    CHECK(r == s);
    OURO_XDECREF(r);
    OuroObject *l = ouro_list_new(0);
    ouro_list_append(l, s);
    r = call_method(x, "join", 1, l);
    CHECK(r == s);
    OURO_XDECREF(r);
    /* join over a generic iterable (an iterator) and over a tuple. */
    OuroObject *it = ouro_object_get_iter(s);
    r = call_method(x, "join", 1, it);
    CHECK(r && ouro_str_equal_cstr(r, "ax,xb"));
    OURO_XDECREF(r);
    OURO_DECREF(it);
    OURO_DECREF(l);
    OURO_DECREF(s);
    OURO_DECREF(x);
    OURO_DECREF(y);
}

/* ------------------------------------------------------------ allocation failure -- */

static int op_from_utf8(void)
{
    OuroObject *s = ouro_str_from_cstr("a fairly long string that is not a singleton \xc3\xa9");
    if (!s)
        return -1;
    OURO_DECREF(s);
    return 0;
}

static int op_intern(void)
{
    OuroObject *a = ouro_str_intern_cstr("interned_name");
    if (!a)
        return -1;
    OuroObject *b = ouro_str_from_cstr("interned_name");
    if (!b)
        return -1;
    ouro_str_intern_in_place(&b);
    int ok = a == b;
    OURO_DECREF(b);
    return ok ? 0 : (ouro_err_no_memory(), -1);
}

static int op_concat_repr(void)
{
    OuroObject *a = ouro_str_from_cstr("it's \xe2\x82\xac"), *b = NULL, *c = NULL, *r = NULL;
    int rc = -1;
    if (!a || !(b = ouro_str_from_cstr("\n\x01 end")) || !(c = ouro_str_concat(a, b)) ||
        !(r = ouro_object_repr(c)))
        goto done;
    rc = ouro_str_equal_cstr(r, "\"it's \xe2\x82\xac\\n\\x01 end\"") ? 0 : -1;
done:
    OURO_XDECREF(a);
    OURO_XDECREF(b);
    OURO_XDECREF(c);
    OURO_XDECREF(r);
    return rc;
}

static int op_methods(void)
{
    OuroObject *s = ouro_str_from_cstr(" h\xc3\xa9llo, w\xc3\xb6rld, \xce\xa3 ");
    if (!s)
        return -1;
    OuroObject *comma = ouro_str_from_cstr(","), *r = NULL;
    int rc = -1;
    if (!comma)
        goto done;
    const char *names[] = {"split", "upper", "lower", "title", "strip", "replace", "encode",
                           "splitlines", "partition", "center", "join", "casefold"};
    for (size_t i = 0; i < OU_ARRAY_LEN(names); i++) {
        const char *n = names[i];
        OuroObject *args[2] = {comma, s};
        int nargs = 0;
        if (!strcmp(n, "split") || !strcmp(n, "partition") || !strcmp(n, "join"))
            nargs = 1;
        if (!strcmp(n, "replace"))
            nargs = 2;
        OuroObject *w = NULL;
        if (!strcmp(n, "center")) {
            if (!(w = I(40)))
                goto done;
            args[0] = w;
            nargs = 1;
        }
        if (!strcmp(n, "join")) {
            args[0] = s;
        }
        r = call_method_kw(!strcmp(n, "join") ? comma : s, n, args, nargs, NULL);
        OURO_XDECREF(w);
        if (!r)
            goto done;
        OURO_CLEAR(r);
    }
    rc = 0;
done:
    OURO_XDECREF(comma);
    OURO_DECREF(s);
    return rc;
}

static int op_format(void)
{
    OuroObject *s = ouro_str_from_cstr("x\xc3\xa9"), *r = NULL;
    if (!s)
        return -1;
    r = ouro_str_from_format("%s %d %R %S %U %A %.1000s", "abc", 12, s, s, s, s, "tail");
    OURO_DECREF(s);
    if (!r)
        return -1;
    OURO_DECREF(r);
    return 0;
}

static int op_iter_slice(void)
{
    OuroObject *s = ouro_str_from_cstr("\xe2\x82\xac" "abcdef\xc3\xa9"), *it = NULL, *l = NULL;
    OuroObject *sl = NULL, *two = NULL, *r = NULL;
    int rc = -1;
    if (!s || !(it = ouro_object_get_iter(s)) || !(l = ouro_sequence_list(it)))
        goto done;
    if (!(two = I(-2)) || !(sl = ouro_slice_new(NULL, NULL, two)) || !(r = ouro_object_getitem(s, sl)))
        goto done;
    rc = 0;
done:
    OURO_XDECREF(r);
    OURO_XDECREF(sl);
    OURO_XDECREF(two);
    OURO_XDECREF(l);
    OURO_XDECREF(it);
    OURO_XDECREF(s);
    return rc;
}

static void test_alloc_failures(void)
{
    CHECK(fail_loop(op_from_utf8) >= 1);
    CHECK(fail_loop(op_intern) >= 1);
    CHECK(fail_loop(op_concat_repr) >= 1);
    CHECK(fail_loop(op_methods) >= 1);
    CHECK(fail_loop(op_format) >= 1);
    CHECK(fail_loop(op_iter_slice) >= 1);
}

int main(void)
{
    th_begin("str");
    RUN(test_construct);
    RUN(test_layout_size);
    RUN(test_invalid_utf8);
    RUN(test_codepoints);
    RUN(test_indexing);
    RUN(test_slicing);
    RUN(test_long_nonascii);
    RUN(test_repr);
    RUN(test_hash);
    RUN(test_hash_seed12345);
    RUN(test_interning);
    RUN(test_from_format);
    RUN(test_concat_repeat);
    RUN(test_compare);
    RUN(test_contains);
    RUN(test_iteration);
    RUN(test_new);
    RUN(test_methods);
    RUN(test_method_identity);
    RUN(test_alloc_failures);
    return th_end();
}
