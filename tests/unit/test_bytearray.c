/* tests/unit/test_bytearray.c — bytearray through the C API: construction, the growth
 * policy (CPython's __alloc__ figures), the data block accounted by the runtime
 * allocator, shrinking, the shared methods returning bytearrays, and allocation failures
 * (every failure a clean MemoryError, no leak). Behaviour from Python:
 * tests/py/bytearray_*.py. */
#include "seqtest.h"
#include "objects/strimpl.h"

static void test_construct(void)
{
    OuroObject *b = ouro_bytearray_from_data("abc", 3);
    CHECK(b && ouro_bytearray_check(b) && !ouro_bytes_check(b));
    CHECK_INT(ouro_bytearray_length(b), 3);
    CHECK_STR(ouro_bytearray_data(b), "abc");
    CHECK_REPR(b, "bytearray(b'abc')");
    CHECK(!ouro_type_has_flag(OURO_TYPE(b), OURO_TPFLAG_GC));   /* holds no references */
    OURO_DECREF(b);
    OuroObject *z = ouro_bytearray_from_data(NULL, 4);
    CHECK_REPR(z, "bytearray(b'\\x00\\x00\\x00\\x00')");
    OURO_DECREF(z);
    OuroObject *e = ouro_bytearray_from_data(NULL, 0);
    CHECK_INT(ouro_bytearray_length(e), 0);
    CHECK_STR(ouro_bytearray_data(e), "");   /* the shared NUL: never NULL */
    CHECK_INT(((OuroByteArray *)e)->alloc, 0);
    OURO_DECREF(e);
}

/* The block sizes after each one-byte growth, as CPython 3.11's __alloc__ reports them. */
static void test_growth(void)
{
    static const ouro_ssize want[] = {2, 5, 5, 5, 8, 8, 8, 12, 12, 12, 12, 19, 19, 19, 19,
                                      19, 19, 19, 27, 27};
    OuroObject *b = ouro_bytearray_from_data(NULL, 0);
    for (ouro_ssize i = 0; i < 20; i++) {
        CHECK_INT(ouro_bytearray_resize(b, i + 1), 0);
        ouro_bytearray_data(b)[i] = (char)('a' + i);
        CHECK_INT(((OuroByteArray *)b)->alloc, want[i]);
    }
    CHECK_INT(ouro_bytearray_data(b)[20], 0);
    /* a big jump allocates exactly; shrinking below half gives the block back */
    CHECK_INT(ouro_bytearray_resize(b, 1000), 0);
    CHECK_INT(((OuroByteArray *)b)->alloc, 1001);
    CHECK_INT(ouro_bytearray_resize(b, 600), 0);
    CHECK_INT(((OuroByteArray *)b)->alloc, 1001);
    CHECK_INT(ouro_bytearray_resize(b, 3), 0);
    CHECK_INT(((OuroByteArray *)b)->alloc, 4);
    CHECK_STR(ouro_bytearray_data(b), "abc");
    OuroObject *size = call_method(b, "__sizeof__", 0);
    CHECK_INT(ival(size), (int64_t)sizeof(OuroByteArray) + 4);
    OURO_DECREF(size);
    OURO_DECREF(b);
}

/* A million appends stay linear: the block is reallocated O(log n) times. */
static void test_append_amortized(void)
{
    OuroObject *b = ouro_bytearray_from_data(NULL, 0);
    OuroObject *v = I(7);
    int reallocs = 0;
    char *last = NULL;
    for (int i = 0; i < 1000000; i++) {
        OuroObject *r = call_method(b, "append", 1, v);
        CHECK(r == OURO_NONE);
        if (ouro_bytearray_data(b) != last) {
            last = ouro_bytearray_data(b);
            reallocs++;
        }
    }
    CHECK_INT(ouro_bytearray_length(b), 1000000);
    CHECK(reallocs < 200);
    OURO_DECREF(v);
    OURO_DECREF(b);
}

static void test_shared_methods(void)
{
    OuroObject *b = ouro_bytearray_from_data("a,b", 3), *sep = ouro_bytes_from_data(",", 1);
    OuroObject *up = call_method(b, "upper", 0), *parts = call_method(b, "split", 1, sep);
    CHECK_REPR(up, "bytearray(b'A,B')");
    CHECK_REPR(parts, "[bytearray(b'a'), bytearray(b'b')]");
    OuroObject *same = call_method(b, "strip", 0);
    CHECK(same != b && ouro_bytearray_check(same));
    OuroObject *joined = call_method(sep, "join", 1, parts);   /* bytes.join of bytearrays */
    CHECK_REPR(joined, "b'a,b'");
    OURO_DECREF(up);
    OURO_DECREF(parts);
    OURO_DECREF(same);
    OURO_DECREF(joined);
    OURO_DECREF(sep);
    OURO_DECREF(b);
}

/* Builds, grows, slices and formats a bytearray; 0, or -1 with the exception. */
static int op_bytearray(void)
{
    int rc = -1;
    OuroObject *b = ouro_bytearray_from_data("hello", 5), *v = I(33), *r = NULL, *up = NULL;
    OuroObject *rep = NULL, *other = ouro_bytes_from_data("xyz", 3);
    if (!b || !v || !other)
        goto done;
    for (int i = 0; i < 40; i++) {
        OuroObject *x = call_method(b, "append", 1, v);
        if (!x)
            goto done;
    }
    if (!(r = call_method(b, "extend", 1, other)) || !(up = call_method(b, "upper", 0)) ||
        !(rep = ouro_object_repr(up)))
        goto done;
    rc = 0;
done:
    OURO_XDECREF(b);
    OURO_XDECREF(v);
    OURO_XDECREF(r);
    OURO_XDECREF(up);
    OURO_XDECREF(rep);
    OURO_XDECREF(other);
    return rc;
}

static void test_alloc_failures(void)
{
    CHECK(fail_loop(op_bytearray) >= 1);
}

int main(void)
{
    th_begin("bytearray");
    RUN(test_construct);
    RUN(test_growth);
    RUN(test_append_amortized);
    RUN(test_shared_methods);
    RUN(test_alloc_failures);
    return th_end();
}
