/* tests/unit/test_memoryview.c — the internal buffer protocol and memoryview from C: the
 * export count of a bytearray (resizing refused while it is exported, allowed again after
 * the release), one export per view (slices, toreadonly, memoryview(view)), release and
 * deallocation giving the export back, the view as a GC type, and allocation failures
 * (each a clean MemoryError, no leak, no export left behind). Behaviour from Python:
 * tests/py/memoryview_*.py, tests/py/bytearray_exports.py. */
#include "seqtest.h"
#include "objects/strimpl.h"

static ouro_ssize exports(OuroObject *b) { return ((OuroByteArray *)b)->exports; }

/* memoryview(o). New reference, or NULL with the exception. */
static OuroObject *view(OuroObject *o)
{
    return ouro_object_vectorcall((OuroObject *)&ou_memoryview_type, &o, 1, NULL);
}

static void test_buffer_get(void)
{
    OuroObject *b = ouro_bytearray_from_data("abc", 3), *by = ouro_bytes_from_data("xy", 2);
    OuBuffer v1, v2, v3;
    CHECK_INT(ou_buffer_get(b, &v1), 0);
    CHECK(v1.obj == b && v1.data == ouro_bytearray_data(b) && v1.len == 3 && !v1.readonly);
    CHECK_INT(ou_buffer_get(b, &v2), 0);
    CHECK_INT(exports(b), 2);
    CHECK_INT(ouro_bytearray_resize(b, 3), 0);   /* the same size: allowed */
    CHECK_INT(ouro_bytearray_resize(b, 4), -1);
    CHECK_RAISED(&ouro_exc_BufferError, "Existing exports of data: object cannot be re-sized");
    CHECK_INT(ouro_bytearray_length(b), 3);
    ou_buffer_release(&v1);
    ou_buffer_release(&v1);   /* a second release does nothing */
    CHECK(v1.obj == NULL);
    CHECK_INT(exports(b), 1);
    CHECK_INT(ouro_bytearray_resize(b, 0), -1);
    CHECK_RAISED(&ouro_exc_BufferError, "Existing exports of data: object cannot be re-sized");
    ou_buffer_release(&v2);
    CHECK_INT(exports(b), 0);
    CHECK_INT(ouro_bytearray_resize(b, 10), 0);
    /* bytes exports are read-only and count nothing; other objects have no buffer */
    CHECK_INT(ou_buffer_get(by, &v3), 0);
    CHECK(v3.readonly && v3.len == 2 && v3.data == ouro_bytes_data(by));
    ou_buffer_release(&v3);
    CHECK_INT(ou_buffer_get(OURO_NONE, &v3), -1);
    CHECK_RAISED(&ouro_exc_TypeError, "a bytes-like object is required, not 'NoneType'");
    OURO_DECREF(by);
    OURO_DECREF(b);
}

static void test_view_exports(void)
{
    OuroObject *b = ouro_bytearray_from_data("hello", 5);
    OuroObject *m = view(b);
    CHECK(m && ou_memoryview_check(m) && exports(b) == 1);
    CHECK(ouro_type_has_flag(OURO_TYPE(m), OURO_TPFLAG_GC));   /* as CPython's */
    OuroObject *ro = call_method(m, "toreadonly", 0), *again = view(m);
    OuroObject *one = I(1), *none = OURO_NONE;
    OuroObject *sl = ouro_slice_new(one, none, none);
    OuroObject *sub = ouro_object_getitem(m, sl);
    CHECK(ro && again && sub);
    CHECK_INT(exports(b), 4);   /* one per view */
    CHECK(call_method(b, "append", 1, one) == NULL);
    CHECK_RAISED(&ouro_exc_BufferError, "Existing exports of data: object cannot be re-sized");
    CHECK(call_method(m, "release", 0) == OURO_NONE);
    CHECK_INT(exports(b), 3);
    OURO_DECREF(ro);
    OURO_DECREF(again);
    CHECK_INT(exports(b), 1);
    OURO_DECREF(sub);
    CHECK_INT(exports(b), 0);
    CHECK(call_method(b, "append", 1, one) == OURO_NONE);
    CHECK_INT(ouro_bytearray_length(b), 6);
    OURO_DECREF(m);
    OURO_DECREF(sl);
    OURO_DECREF(one);
    OURO_DECREF(b);
}

/* Views of views, a hash, a list and a release; 0, or -1 with the exception. */
static int op_views(void)
{
    int rc = -1;
    OuroObject *b = ouro_bytearray_from_data("abcdef", 6), *by = ouro_bytes_from_data("xyz", 3);
    OuroObject *m = NULL, *mb = NULL, *ro = NULL, *l = NULL, *c = NULL, *fmt = NULL;
    if (!b || !by || !(m = view(b)) || !(mb = view(by)) || !(ro = call_method(m, "toreadonly", 0)))
        goto done;
    if (ouro_object_hash(mb) == -1 || !(l = call_method(ro, "tolist", 0)))
        goto done;
    if (!(fmt = ouro_str_from_cstr("c")) || !(c = call_method(m, "cast", 1, fmt)))
        goto done;
    rc = 0;
done:
    OURO_XDECREF(c);
    OURO_XDECREF(fmt);
    OURO_XDECREF(l);
    OURO_XDECREF(ro);
    OURO_XDECREF(mb);
    OURO_XDECREF(m);
    if (b && exports(b) != 0) {   /* every path gives its exports back */
        OURO_DECREF(b);
        OURO_XDECREF(by);
        ouro_err_set_string(&ouro_exc_RuntimeError, "export left behind");
        return -1;
    }
    OURO_XDECREF(b);
    OURO_XDECREF(by);
    return rc;
}

static void test_alloc_failures(void)
{
    CHECK(fail_loop(op_views) >= 1);
}

int main(void)
{
    th_begin("memoryview");
    RUN(test_buffer_get);
    RUN(test_view_exports);
    RUN(test_alloc_failures);
    return th_end();
}
