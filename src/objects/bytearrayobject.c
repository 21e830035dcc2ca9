/* src/objects/bytearrayobject.c — bytearray: mutable byte strings whose data lives in a
 * separate, over-allocated block of the runtime allocator (layout and invariants in
 * strimpl.h; narrative in docs/internals/objects.md, "bytearray"). The methods shared with
 * bytes are in bytesmethods.c; this file has the storage, the sequence protocol and the
 * mutating methods. Not a GC type: it holds no references. While memoryviews export it
 * (ou_buffer_get), every change of size raises BufferError, as in CPython. */
#include "objects/strimpl.h"
#include "objects/sequence.h"

#include <string.h>

char ou_bytearray_nul[1];

static OuroByteArray *ba(OuroObject *o) { return (OuroByteArray *)o; }

/* ===================================================================== storage ===== */

/* CPython's policy, so that __alloc__ and sys.getsizeof agree with it: a block of
 * size + 1 bytes (room for the NUL) that grows by about 1/8 when the new size is within
 * 1/8 of the block (append and extend stay amortized O(1)), and to the exact size for a
 * larger jump; shrinking below half of the block gives the rest back. */
int ouro_bytearray_resize(OuroObject *o, ouro_ssize n)
{
    OuroByteArray *b = ba(o);
    ouro_ssize alloc = b->alloc, want;
    if (n == b->size)
        return 0;
    if (ou_bytearray_check_resizable(o) < 0)
        return -1;
    if (n < 0 || n > INT64_MAX / 16) {
        ouro_err_no_memory();
        return -1;
    }
    if (n + 1 <= alloc) {
        if (n >= alloc / 2) {
            b->size = n;
            b->data[n] = '\0';
            return 0;
        }
        want = n + 1;
    } else if (n * 8 <= alloc * 9) {
        want = n + (n >> 3) + (n < 9 ? 3 : 6);
    } else {
        want = n + 1;
    }
    char *d = ou_mem_realloc(b->data, (size_t)want);
    if (!d) {
        if (n + 1 > alloc) {
            ouro_err_no_memory();
            return -1;
        }
        want = alloc;   /* a shrink that could not move: keep the bigger block */
        d = b->data;
    }
    b->data = d;
    b->alloc = want;
    b->size = n;
    d[n] = '\0';
    return 0;
}

OuroObject *ou_bytearray_alloc(ouro_ssize n)
{
    OuroObject *o = ouro_object_alloc(&ouro_bytearray_type);
    if (!o || n == 0)
        return o;
    if (n < 0 || n > INT64_MAX / 16 || !(ba(o)->data = ou_mem_alloc((size_t)n + 1))) {
        OURO_DECREF(o);
        return ouro_err_no_memory();
    }
    ba(o)->alloc = n + 1;
    ba(o)->size = n;
    ba(o)->data[n] = '\0';
    return o;
}

OuroObject *ouro_bytearray_from_data(const void *p, size_t n)
{
    OuroObject *o = ou_bytearray_alloc((ouro_ssize)n);
    if (o && n) {
        if (p)
            memcpy(ba(o)->data, p, n);
        else
            memset(ba(o)->data, 0, n);
    }
    return o;
}

char *ouro_bytearray_data(OuroObject *b) { return ou_bytearray_data(b); }
ouro_ssize ouro_bytearray_length(OuroObject *b) { return ou_bytearray_size(b); }

int ou_bytearray_check_resizable(OuroObject *b)
{
    if (ba(b)->exports <= 0)
        return 0;
    ouro_err_set_string(&ouro_exc_BufferError,
                        "Existing exports of data: object cannot be re-sized");
    return -1;
}

/* Replaces self[lo:hi) (0 <= lo <= hi <= size) by p[0..m); p must not point into self.
 * 0, or -1 with MemoryError, or BufferError when the size would change while self is
 * exported (self unchanged). */
static int replace_range(OuroObject *self, ouro_ssize lo, ouro_ssize hi, const char *p,
                         ouro_ssize m)
{
    ouro_ssize n = ba(self)->size, tail = n - hi, growth = m - (hi - lo);
    if (growth && ou_bytearray_check_resizable(self) < 0)
        return -1;
    if (growth > 0 && ouro_bytearray_resize(self, n + growth) < 0)
        return -1;
    char *d = ou_bytearray_data(self);
    if (growth)
        memmove(d + hi + growth, d + hi, (size_t)tail);
    if (m)
        memcpy(d + lo, p, (size_t)m);
    if (growth < 0)
        (void)ouro_bytearray_resize(self, n + growth);   /* a shrink never fails */
    return 0;
}

/* Appends the bytes of an iterable of ints to self (items through __index__, in
 * range(0, 256)). extend() collects them first, so that a failing item leaves self
 * unchanged, and grows self once; __init__ appends them one by one, as CPython does
 * (so the over-allocation matches). 0, or -1 with an exception; notiter: the TypeError
 * message format for a non-iterable (one %s: the type name). */
static int extend_iterable(OuroObject *self, OuroObject *x, const char *notiter, bool direct)
{
    OuroObject *it = ouro_object_get_iter(x);
    if (!it) {
        if (ouro_err_matches(&ouro_exc_TypeError)) {
            ouro_err_clear();
            ouro_err_format(&ouro_exc_TypeError, notiter, OURO_TYPE_NAME(x));
        }
        return -1;
    }
    OuStrBuf buf;
    ou_strbuf_init(&buf);
    OuroObject *item;
    int rc = -1;
    while ((item = ouro_iter_next(it))) {
        int v = ou_bytes_byte_arg(item);
        OURO_DECREF(item);
        if (v < 0)
            goto done;
        if (!direct)
            ou_strbuf_append_char(&buf, (char)v);
        else if (ouro_bytearray_resize(self, ba(self)->size + 1) < 0)
            goto done;
        else
            ba(self)->data[ba(self)->size - 1] = (char)v;
    }
    if (ouro_err_occurred())
        goto done;
    if (buf.failed) {
        ouro_err_no_memory();
        goto done;
    }
    rc = replace_range(self, ba(self)->size, ba(self)->size, buf.data, (ouro_ssize)buf.len);
done:
    ou_strbuf_discard(&buf);
    OURO_DECREF(it);
    return rc;
}

/* Appends the data of a bytes-like x to self (x may be self). 0, or -1 with MemoryError. */
static int extend_byteslike(OuroObject *self, OuroObject *x)
{
    ouro_ssize n = ba(self)->size, m = ou_bl_size(x);
    if (ouro_bytearray_resize(self, n + m) < 0)
        return -1;
    if (m)
        memcpy(ou_bytearray_data(self) + n, ou_bl_data(x), (size_t)m);
    return 0;
}

/* =================================================================== type slots ====== */
/* The slots keep the protocols of ouro.h: results are new references (the in-place ones
 * return self with a new reference), failures NULL or -1 with an exception set; none
 * steals an argument. */

static void bytearray_dealloc(OuroObject *o)
{
    if (ba(o)->data)
        ou_mem_free(ba(o)->data);
    ouro_object_free(o);
}

/* repr: "bytearray(b'...')", with the class name for subclasses. */
static OuroObject *bytearray_repr(OuroObject *o)
{
    OuroObject *inner = ou_bytes_repr_data(ou_bytearray_data(o), ba(o)->size);
    if (!inner)
        return NULL;
    OuStrBuf b;
    ou_strbuf_init(&b);
    ou_strbuf_append_cstr(&b, OURO_TYPE_NAME(o));
    ou_strbuf_append_char(&b, '(');
    ou_strbuf_append(&b, ou_str_data(inner), (size_t)ou_str_nbytes(inner));
    ou_strbuf_append_char(&b, ')');
    OURO_DECREF(inner);
    return ou_strbuf_finish(&b);
}

static ouro_ssize bytearray_length(OuroObject *o)
{
    return ba(o)->size;
}

static OuroObject *bytearray_concat(OuroObject *a, OuroObject *b)
{
    if (!ou_bl_check(b))
        return ouro_err_format(&ouro_exc_TypeError, "can't concat %s to %s", OURO_TYPE_NAME(b),
                               OURO_TYPE_NAME(a));
    ouro_ssize na = ou_bl_size(a), nb = ou_bl_size(b);
    if (na > INT64_MAX / 4 - nb)
        return ouro_err_no_memory();
    OuroObject *r = ou_bytearray_alloc(na + nb);
    if (r && na + nb) {
        memcpy(ba(r)->data, ou_bl_data(a), (size_t)na);
        memcpy(ba(r)->data + na, ou_bl_data(b), (size_t)nb);
    }
    return r;
}

static OuroObject *bytearray_inplace_concat(OuroObject *a, OuroObject *b)
{
    if (!ou_bl_check(b))
        return ouro_err_format(&ouro_exc_TypeError, "can't concat %s to %s", OURO_TYPE_NAME(b),
                               OURO_TYPE_NAME(a));
    /* CPython holds an export of b while it resizes a, so `b += b` raises BufferError
     * (unless b is empty): count one here too. */
    bool export = ouro_bytearray_check(b);
    if (export)
        ba(b)->exports++;
    int rc = extend_byteslike(a, b);
    if (export)
        ba(b)->exports--;
    if (rc < 0)
        return NULL;
    return OURO_NEWREF(a);
}

/* Fills d[size..size*n) with copies of d[0..size) (doubling memcpy). Never fails. */
static void repeat_fill(char *d, ouro_ssize size, ouro_ssize total)
{
    for (ouro_ssize done = size; done < total;) {
        ouro_ssize k = done <= total - done ? done : total - done;
        memcpy(d + done, d, (size_t)k);
        done += k;
    }
}

static OuroObject *bytearray_repeat(OuroObject *o, ouro_ssize n)
{
    ouro_ssize size = ba(o)->size;
    if (n < 0)
        n = 0;
    if (size && n > (INT64_MAX / 16) / size)
        return ouro_err_no_memory();
    OuroObject *r = ou_bytearray_alloc(size * n);
    if (r && size && n) {
        memcpy(ba(r)->data, ba(o)->data, (size_t)size);
        repeat_fill(ba(r)->data, size, size * n);
    }
    return r;
}

static OuroObject *bytearray_inplace_repeat(OuroObject *o, ouro_ssize n)
{
    ouro_ssize size = ba(o)->size;
    if (n < 0)
        n = 0;
    if (size && n > (INT64_MAX / 16) / size)
        return ouro_err_no_memory();
    if (ouro_bytearray_resize(o, size * n) < 0)
        return NULL;
    if (size && n > 1)
        repeat_fill(ba(o)->data, size, size * n);
    return OURO_NEWREF(o);
}

static OuroObject *bytearray_item(OuroObject *o, ouro_ssize i)
{
    if (i < 0 || i >= ba(o)->size) {
        ouro_err_set_string(&ouro_exc_IndexError, "bytearray index out of range");
        return NULL;
    }
    return ouro_int_from_ssize((unsigned char)ba(o)->data[i]);
}

static bool has_index(OuroObject *o)
{
    const OuroNumberMethods *nb = OURO_TYPE(o)->tp_as_number;
    return nb && nb->nb_index;
}

/* An index key resolved against the current size (negative from the end), not checked
 * against the range. 0, or -1 with an exception. */
static int index_key(OuroObject *o, OuroObject *key, ouro_ssize *out)
{
    ouro_ssize i = ouro_number_as_ssize(key, &ouro_exc_IndexError);
    if (i == -1 && ouro_err_occurred())
        return -1;
    *out = i < 0 ? i + ba(o)->size : i;
    return 0;
}

static OuroObject *bad_key(OuroObject *key)
{
    return ouro_err_format(&ouro_exc_TypeError,
                           "bytearray indices must be integers or slices, not %s",
                           OURO_TYPE_NAME(key));
}

static OuroObject *bytearray_subscript(OuroObject *o, OuroObject *key)
{
    if (has_index(key)) {
        ouro_ssize i;
        return index_key(o, key, &i) < 0 ? NULL : bytearray_item(o, i);
    }
    if (!ouro_slice_check(key))
        return bad_key(key);
    ouro_ssize start, stop, step;
    if (ou_slice_unpack(key, &start, &stop, &step) < 0)
        return NULL;
    ouro_ssize n = ou_slice_adjust_indices(ba(o)->size, &start, &stop, step);
    if (step == 1)
        return ouro_bytearray_from_data(ou_bytearray_data(o) + start, (size_t)n);
    OuroObject *r = ou_bytearray_alloc(n);
    for (ouro_ssize i = 0, k = start; r && i < n; i++, k += step)
        ba(r)->data[i] = ba(o)->data[k];
    return r;
}

/* del self[i] / self[i] = v for an index key. 0, or -1 with an exception. */
static int ass_index(OuroObject *o, OuroObject *key, OuroObject *value)
{
    ouro_ssize i;
    int v = 0;
    if (index_key(o, key, &i) < 0 || (value && (v = ou_bytes_byte_arg(value)) < 0))
        return -1;
    if (value && i >= 0 && i < ba(o)->size) {
        ba(o)->data[i] = (char)v;
        return 0;
    }
    if (i < 0 || i >= ba(o)->size) {
        ouro_err_set_string(&ouro_exc_IndexError, "bytearray index out of range");
        return -1;
    }
    return replace_range(o, i, i + 1, NULL, 0);
}

/* del self[start:stop:step] for a step other than 1 (n items): the survivors close up. */
static void delete_extended(OuroObject *o, ouro_ssize start, ouro_ssize step, ouro_ssize n)
{
    if (n == 0)
        return;
    if (step < 0) {   /* the same items, walked upward */
        start += step * (n - 1);
        step = -step;
    }
    char *d = ba(o)->data;
    ouro_ssize size = ba(o)->size, w = start;
    for (ouro_ssize r = start; r < size; r++)
        if (r < start || (r - start) % step != 0 || (r - start) / step >= n)
            d[w++] = d[r];
    (void)ouro_bytearray_resize(o, w);
}

/* The bytes to assign to a slice as a new bytes-like object: value itself (bytes, or
 * a copy when it is a bytearray or a memoryview, which may be or view self), or
 * bytearray(value) for other iterables. New reference, or NULL with CPython's TypeError. */
static OuroObject *slice_value(OuroObject *value)
{
    if (ouro_bytes_check(value))
        return OURO_NEWREF(value);
    if (ouro_bytearray_check(value))
        return ouro_bytearray_from_data(ou_bytearray_data(value),
                                        (size_t)ou_bytearray_size(value));
    if (ou_memoryview_check(value))   /* a copy too: it may view self */
        return ou_memoryview_tobytes(value);
    if (has_index(value) || ouro_str_check(value)) {
        ouro_err_set_string(&ouro_exc_TypeError,
                            "can assign only bytes, buffers, or iterables of ints in range(0, 256)");
        return NULL;
    }
    OuroObject *r = ou_bytearray_alloc(0);
    if (r && extend_iterable(r, value, "cannot convert '%s' object to bytearray", true) < 0)
        OURO_CLEAR(r);
    return r;
}

/* self[slice] = value, or del self[slice] (value NULL). 0, or -1 with an exception. */
static int ass_slice(OuroObject *o, OuroObject *key, OuroObject *value)
{
    OuroObject *src = NULL;
    if (value && !(src = slice_value(value)))
        return -1;
    ouro_ssize start, stop, step;
    int rc = -1;
    if (ou_slice_unpack(key, &start, &stop, &step) < 0)
        goto done;
    ouro_ssize n = ou_slice_adjust_indices(ba(o)->size, &start, &stop, step);
    if (step == 1) {
        if (stop < start)
            stop = start;
        rc = src ? replace_range(o, start, stop, ou_bl_data(src), ou_bl_size(src))
                 : replace_range(o, start, stop, NULL, 0);
        goto done;
    }
    if (!src || ou_bl_size(src) == 0) {   /* CPython: an empty value deletes, any size */
        if (ou_bytearray_check_resizable(o) < 0)   /* even of no item, as CPython */
            goto done;
        delete_extended(o, start, step, n);
        rc = 0;
        goto done;
    }
    if (ou_bl_size(src) != n) {
        ouro_err_format(&ouro_exc_ValueError,
                        "attempt to assign bytes of size %zd to extended slice of size %zd",
                        ou_bl_size(src), n);
        goto done;
    }
    const char *p = ou_bl_data(src);
    for (ouro_ssize i = 0, k = start; i < n; i++, k += step)
        ba(o)->data[k] = p[i];
    rc = 0;
done:
    OURO_XDECREF(src);
    return rc;
}

static int bytearray_ass_subscript(OuroObject *o, OuroObject *key, OuroObject *value)
{
    if (has_index(key))
        return ass_index(o, key, value);
    if (ouro_slice_check(key))
        return ass_slice(o, key, value);
    bad_key(key);
    return -1;
}

/* bytearray % args: formatted as bytes, returned as a bytearray. */
static OuroObject *bytearray_mod(OuroObject *a, OuroObject *b)
{
    if (!ouro_bytearray_check(a))
        OURO_RETURN_NOTIMPLEMENTED;
    OuroObject *tmp = ouro_bytes_from_data(ou_bytearray_data(a), (size_t)ba(a)->size);
    OuroObject *r = tmp ? ou_bytes_mod(tmp, b) : NULL;
    OURO_XDECREF(tmp);
    if (!r || !ouro_bytes_check(r))
        return r;
    OuroObject *out = ouro_bytearray_from_data(ou_bytes_data(r), (size_t)ou_bytes_size(r));
    OURO_DECREF(r);
    return out;
}

/* ------------------------------------------------------------- __new__, __init__ -- */

/* bytearray.__new__: an empty bytearray (of a subclass too); __init__ fills it. */
static OuroObject *bytearray_new(OuroType *type, OuroObject *args, OuroObject *kwargs)
{
    OuroObject *o = ouro_object_alloc(type);
    if (o && ou_type_is_gc(type))
        ouro_gc_track(o);
    return o;
}

/* bytearray.__init__(source, encoding, errors): replaces the contents. */
static int bytearray_init(OuroObject *o, OuroObject *args, OuroObject *kwargs)
{
    OuroObject *argv[3];
    if (ou_bytes_parse_new_args("bytearray", args, kwargs, argv) < 0)
        return -1;
    OuroObject *x = argv[0], *encoding = argv[1], *errors = argv[2];
    if (ba(o)->size && ouro_bytearray_resize(o, 0) < 0)
        return -1;
    if (encoding || errors) {
        if (!x || !ouro_str_check(x)) {
            ouro_err_set_string(&ouro_exc_TypeError,
                                encoding ? "encoding without a string argument"
                                         : "errors without a string argument");
            return -1;
        }
        if (!encoding) {
            ouro_err_set_string(&ouro_exc_TypeError, "string argument without an encoding");
            return -1;
        }
        if (ou_codec_args("bytearray", encoding, errors) < 0)
            return -1;
        OuroObject *enc = ou_str_encode(x, encoding, errors);
        int rc = enc ? extend_byteslike(o, enc) : -1;
        OURO_XDECREF(enc);
        return rc;
    }
    if (!x)
        return 0;
    if (ouro_str_check(x)) {
        ouro_err_set_string(&ouro_exc_TypeError, "string argument without an encoding");
        return -1;
    }
    if (has_index(x)) {
        ouro_ssize n = ouro_number_as_ssize(x, &ouro_exc_OverflowError);
        if (n == -1 && ouro_err_occurred())
            return -1;
        if (n < 0) {
            ouro_err_set_string(&ouro_exc_ValueError, "negative count");
            return -1;
        }
        if (ouro_bytearray_resize(o, n) < 0)
            return -1;
        memset(ou_bytearray_data(o), 0, (size_t)n);
        return 0;
    }
    if (ou_bl_check(x))
        return extend_byteslike(o, x);
    if (ou_memoryview_check(x)) {   /* released (ValueError) or not contiguous */
        OuroObject *tmp = ou_memoryview_tobytes(x);
        int rc = tmp ? extend_byteslike(o, tmp) : -1;
        OURO_XDECREF(tmp);
        return rc;
    }
    return extend_iterable(o, x, "cannot convert '%s' object to bytearray", true);
}

/* =================================================================== methods ====== */

OuroObject *ou_bytearray_append(OuroObject *self, OuroObject *arg)
{
    int v = ou_bytes_byte_arg(arg);
    if (v < 0 || ouro_bytearray_resize(self, ba(self)->size + 1) < 0)
        return NULL;
    ba(self)->data[ba(self)->size - 1] = (char)v;
    OURO_RETURN_NONE;
}

OuroObject *ou_bytearray_extend(OuroObject *self, OuroObject *arg)
{
    if (ou_memoryview_check(arg) && !ou_bl_check(arg))
        return ouro_err_format(&ouro_exc_TypeError, "can't set bytearray slice from %s",
                               OURO_TYPE_NAME(arg));
    int rc = ou_bl_check(arg) ? extend_byteslike(self, arg)
                              : extend_iterable(self, arg, "can't extend bytearray with %s", false);
    if (rc < 0)
        return NULL;
    OURO_RETURN_NONE;
}

OuroObject *ou_bytearray_insert(OuroObject *self, OuroObject *const *args, ouro_ssize nargs)
{
    ouro_ssize i;
    int v;
    if (ou_arg_clinic_count("insert", nargs, 2, 2) < 0 || ou_arg_ssize(args[0], &i) < 0 ||
        (v = ou_bytes_byte_arg(args[1])) < 0)
        return NULL;
    ouro_ssize n = ba(self)->size;
    if (i < 0 && (i += n) < 0)
        i = 0;
    if (i > n)
        i = n;
    char c = (char)v;
    if (replace_range(self, i, i, &c, 1) < 0)
        return NULL;
    OURO_RETURN_NONE;
}

OuroObject *ou_bytearray_pop(OuroObject *self, OuroObject *const *args, ouro_ssize nargs)
{
    ouro_ssize i = -1;
    if (ou_arg_clinic_count("pop", nargs, 0, 1) < 0 || (nargs && ou_arg_ssize(args[0], &i) < 0))
        return NULL;
    ouro_ssize n = ba(self)->size;
    if (n == 0) {
        ouro_err_set_string(&ouro_exc_IndexError, "pop from empty bytearray");
        return NULL;
    }
    if (i < 0)
        i += n;
    if (i < 0 || i >= n) {
        ouro_err_set_string(&ouro_exc_IndexError, "pop index out of range");
        return NULL;
    }
    unsigned char c = (unsigned char)ba(self)->data[i];
    if (replace_range(self, i, i + 1, NULL, 0) < 0)
        return NULL;
    return ouro_int_from_ssize(c);
}

OuroObject *ou_bytearray_remove(OuroObject *self, OuroObject *arg)
{
    int v = ou_bytes_byte_arg(arg);
    if (v < 0)
        return NULL;
    const char *d = ou_bytearray_data(self);
    const char *at = memchr(d, v, (size_t)ba(self)->size);
    if (!at) {
        ouro_err_set_string(&ouro_exc_ValueError, "value not found in bytearray");
        return NULL;
    }
    if (replace_range(self, at - d, at - d + 1, NULL, 0) < 0)
        return NULL;
    OURO_RETURN_NONE;
}

OuroObject *ou_bytearray_clear(OuroObject *self, OuroObject *unused)
{
    if (ouro_bytearray_resize(self, 0) < 0)
        return NULL;
    OURO_RETURN_NONE;
}

OuroObject *ou_bytearray_copy(OuroObject *self, OuroObject *unused)
{
    return ouro_bytearray_from_data(ou_bytearray_data(self), (size_t)ba(self)->size);
}

OuroObject *ou_bytearray_reverse(OuroObject *self, OuroObject *unused)
{
    char *d = ou_bytearray_data(self);
    for (ouro_ssize i = 0, j = ba(self)->size - 1; i < j; i++, j--) {
        char t = d[i];
        d[i] = d[j];
        d[j] = t;
    }
    OURO_RETURN_NONE;
}

OuroObject *ou_bytearray_alloc_method(OuroObject *self, OuroObject *unused)
{
    return ouro_int_from_ssize(ba(self)->alloc);
}

/* The object and its data block (CPython's figure is 56 + the block). */
OuroObject *ou_bytearray_sizeof(OuroObject *self, OuroObject *unused)
{
    return ouro_int_from_ssize(OURO_TYPE(self)->tp_basicsize + ba(self)->alloc);
}

/* ====================================================================== the types == */

static const OuroSequenceMethods bytearray_as_sequence = {
    .sq_length = bytearray_length,
    .sq_concat = bytearray_concat,
    .sq_repeat = bytearray_repeat,
    .sq_item = bytearray_item,
    .sq_contains = ou_bytes_contains,
    .sq_inplace_concat = bytearray_inplace_concat,
    .sq_inplace_repeat = bytearray_inplace_repeat,
};

static const OuroMappingMethods bytearray_as_mapping = {
    .mp_length = bytearray_length,
    .mp_subscript = bytearray_subscript,
    .mp_ass_subscript = bytearray_ass_subscript,
};

static const OuroNumberMethods bytearray_as_number = { .nb_remainder = bytearray_mod };

OURO_API OuroType ouro_bytearray_type = {
    .ob_base = OURO_STATIC_HEAD(OURO_TID_TYPE),
    .tp_name = "bytearray",
    .tp_flags = OURO_TPFLAG_BASETYPE,
    .tp_basicsize = sizeof(OuroByteArray),
    .tp_dealloc = bytearray_dealloc,
    .tp_repr = bytearray_repr,
    .tp_str = bytearray_repr,
    .tp_hash = ouro_hash_not_implemented,
    .tp_richcompare = ou_bytes_richcompare,
    .tp_iter = ou_bytes_iter,
    .tp_new = bytearray_new,
    .tp_init = bytearray_init,
    .tp_as_sequence = &bytearray_as_sequence,
    .tp_as_mapping = &bytearray_as_mapping,
    .tp_as_number = &bytearray_as_number,
    .tp_methods = ou_bytearray_methods,
    .tp_doc = "bytearray(iterable_of_ints) -> bytearray\n"
              "bytearray(string, encoding[, errors]) -> bytearray\n"
              "bytearray(bytes_or_buffer) -> mutable copy of bytes_or_buffer\n"
              "bytearray(int) -> bytes array of size given by the parameter initialized with "
              "null bytes\nbytearray() -> empty bytes array",
};
