/* src/objects/memoryviewobject.c — ouro's internal buffer protocol (exports of bytes and
 * bytearray, ou_buffer_get) and memoryview, a view of one export with one byte per item
 * (formats 'B', 'b', 'c'), sliced with steps without copying. Layout and invariants in
 * strimpl.h; narrative in docs/internals/objects.md, "memoryview". */
#include "objects/strimpl.h"
#include "objects/sequence.h"

#include <string.h>

/* ============================================================== buffer exports ===== */

int ou_buffer_get(OuroObject *o, OuBuffer *view)
{
    if (ouro_bytes_check(o)) {
        view->data = ou_bytes_data(o);
        view->len = ou_bytes_size(o);
        view->readonly = true;
    } else if (ouro_bytearray_check(o)) {
        ((OuroByteArray *)o)->exports++;   /* pins the size, so data cannot move */
        view->data = ou_bytearray_data(o);
        view->len = ou_bytearray_size(o);
        view->readonly = false;
    } else {
        ouro_err_format(&ouro_exc_TypeError, "a bytes-like object is required, not '%s'",
                        OURO_TYPE_NAME(o));
        return -1;
    }
    view->obj = OURO_NEWREF(o);
    return 0;
}

void ou_buffer_release(OuBuffer *view)
{
    OuroObject *o = view->obj;
    if (!o)
        return;
    view->obj = NULL;
    if (ouro_bytearray_check(o))
        ((OuroByteArray *)o)->exports--;
    OURO_DECREF(o);
}

bool ou_bl_view_error(OuroObject *o)
{
    if (!ou_memoryview_check(o))
        return false;
    if (!((OuMemoryView *)o)->buf.obj)
        ouro_err_set_string(&ouro_exc_ValueError,
                            "operation forbidden on released memoryview object");
    else
        ouro_err_set_string(&ouro_exc_BufferError,
                            "memoryview: underlying buffer is not C-contiguous");
    return true;
}

/* ===================================================================== helpers ===== */

static OuMemoryView *mv(OuroObject *o) { return (OuMemoryView *)o; }

/* 0 for a live view, or -1 with CPython's ValueError for a released one. */
static int check_released(OuMemoryView *m)
{
    if (m->buf.obj)
        return 0;
    ouro_err_set_string(&ouro_exc_ValueError, "operation forbidden on released memoryview object");
    return -1;
}

/* The format's letter without the optional '@'. Never fails. */
static char fmt_char(const OuMemoryView *m)
{
    return m->format[0] == '@' ? m->format[1] : m->format[0];
}

/* A new view of src's export (its own export: a bytearray counts one more) with the
 * given items and format. Returns: new reference, or NULL with an exception. */
static OuroObject *view_of(OuMemoryView *src, char *start, ouro_ssize len, ouro_ssize step,
                           const char *format, bool readonly)
{
    OuMemoryView *m = (OuMemoryView *)ouro_object_alloc(&ou_memoryview_type);
    if (!m)
        return NULL;
    if (ou_buffer_get(src->buf.obj, &m->buf) < 0) {   /* cannot fail: a bytes-like */
        ouro_object_free((OuroObject *)m);
        return NULL;
    }
    m->buf.readonly = readonly;
    m->start = start;
    m->len = len;
    m->step = step;
    m->hash = -1;
    strncpy(m->format, format, sizeof m->format - 1);
    ouro_gc_track((OuroObject *)m);
    return (OuroObject *)m;
}

/* Item i (0 <= i < len) as a Python value: int for 'B' and 'b', a 1-byte bytes for 'c'.
 * Returns: new reference, or NULL with MemoryError. */
static OuroObject *item_value(OuMemoryView *m, ouro_ssize i)
{
    unsigned char c = (unsigned char)m->start[i * m->step];
    switch (fmt_char(m)) {
    case 'b': return ouro_int_from_ssize((signed char)c);
    case 'c': return ouro_bytes_from_data(&c, 1);
    default: return ouro_int_from_ssize(c);
    }
}

OuroObject *ou_memoryview_tobytes(OuroObject *o)
{
    OuMemoryView *m = mv(o);
    if (check_released(m) < 0)
        return NULL;
    OuroObject *r = ou_bytes_alloc(m->len);
    if (!r)
        return NULL;
    char *d = ou_bytes_data(r);
    for (ouro_ssize i = 0; i < m->len; i++)
        d[i] = m->start[i * m->step];
    return r;
}

/* An index already converted: resolved against len (negative from the end) and checked.
 * 0 with *out, or -1 with IndexError. */
static int resolve_index(OuMemoryView *m, ouro_ssize i, ouro_ssize *out)
{
    if (i < 0)
        i += m->len;
    if (i < 0 || i >= m->len) {
        ouro_err_set_string(&ouro_exc_IndexError, "index out of bounds on dimension 1");
        return -1;
    }
    *out = i;
    return 0;
}

static bool has_index(OuroObject *o)
{
    const OuroNumberMethods *nb = OURO_TYPE(o)->tp_as_number;
    return nb && nb->nb_index;
}

/* Classifies a tuple key as CPython does: 1 when every item is index-like (an empty tuple
 * too), 2 when every item is a slice, 0 otherwise. Never fails. */
static int tuple_key_kind(OuroObject *key)
{
    ouro_ssize n = OURO_TUPLE_SIZE(key), idx = 0, sl = 0;
    for (ouro_ssize i = 0; i < n; i++) {
        OuroObject *k = OURO_TUPLE_GET(key, i);
        idx += has_index(k);
        sl += ouro_slice_check(k);
    }
    return idx == n ? 1 : sl == n ? 2 : 0;
}

/* The item position a key (an index, or a tuple of one index) names. 1 with *out; 0 when
 * the key is of neither kind (nothing set); -1 with an exception. */
static int key_position(OuMemoryView *m, OuroObject *key, ouro_ssize *out)
{
    if (ouro_tuple_check(key)) {
        int kind = tuple_key_kind(key);
        ouro_ssize n = OURO_TUPLE_SIZE(key);
        if (kind == 1 && n == 0) {
            ouro_err_set_string(&ouro_exc_NotImplementedError, "sub-views are not implemented");
            return -1;
        }
        if (kind == 1 && n > 1) {
            ouro_err_format(&ouro_exc_TypeError,
                            "cannot index 1-dimension view with %zd-element tuple", n);
            return -1;
        }
        if (kind != 1)
            return 0;
        key = OURO_TUPLE_GET(key, 0);
    } else if (!has_index(key)) {
        return 0;
    }
    ouro_ssize i = ouro_number_as_ssize(key, &ouro_exc_IndexError);
    if (i == -1 && ouro_err_occurred())
        return -1;
    return resolve_index(m, i, out) < 0 ? -1 : 1;
}

/* Raises the TypeError or NotImplementedError of a key that is neither an index nor a
 * slice (isset: the message of assignment differs for tuples of slices). NULL. */
static OuroObject *bad_key(OuroObject *key, bool isset)
{
    if (ouro_tuple_check(key) && tuple_key_kind(key) == 2)
        return ouro_err_format(&ouro_exc_NotImplementedError, isset
                               ? "memoryview slice assignments are currently restricted to ndim = 1"
                               : "multi-dimensional slicing is not implemented");
    return ouro_err_format(&ouro_exc_TypeError, "memoryview: invalid slice key");
}

/* ================================================================= constructor ===== */

static OuroObject *memoryview_new(OuroType *type, OuroObject *args, OuroObject *kwargs)
{
    ouro_ssize nargs = args ? OURO_TUPLE_SIZE(args) : 0;
    ouro_ssize nkw = kwargs ? ouro_dict_size(kwargs) : 0;
    OuroObject *o = nargs ? OURO_TUPLE_GET(args, 0) : NULL;
    if (nargs + nkw > 1)
        return ouro_err_format(&ouro_exc_TypeError,
                               "memoryview() takes at most 1 argument (%zd given)", nargs + nkw);
    if (nkw) {
        ouro_ssize pos = 0;
        OuroObject *k;
        OuroObject *v;
        (void)ouro_dict_next(kwargs, &pos, &k, &v);
        if (ouro_str_check(k) && ouro_str_equal_cstr(k, "object"))
            o = v;   /* another name leaves 'object' missing (Argument Clinic's message) */
    }
    if (!o)
        return ouro_err_format(&ouro_exc_TypeError,
                               "memoryview() missing required argument 'object' (pos 1)");
    if (ou_memoryview_check(o)) {   /* the same view again, of the same exporter */
        OuMemoryView *src = mv(o);
        if (check_released(src) < 0)
            return NULL;
        return view_of(src, src->start, src->len, src->step, src->format, src->buf.readonly);
    }
    if (!ouro_bytes_check(o) && !ouro_bytearray_check(o))
        return ouro_err_format(&ouro_exc_TypeError,
                               "memoryview: a bytes-like object is required, not '%s'",
                               OURO_TYPE_NAME(o));
    OuMemoryView *m = (OuMemoryView *)ouro_object_alloc(&ou_memoryview_type);
    if (!m)
        return NULL;
    (void)ou_buffer_get(o, &m->buf);   /* cannot fail: o is bytes or bytearray */
    m->start = m->buf.data;
    m->len = m->buf.len;
    m->step = 1;
    m->hash = -1;
    m->format[0] = 'B';
    ouro_gc_track((OuroObject *)m);
    return (OuroObject *)m;
}

/* ============================================================ dealloc and GC ====== */

static void memoryview_dealloc(OuroObject *o)
{
    ouro_gc_untrack(o);
    ou_buffer_release(&mv(o)->buf);
    ouro_object_free(o);
}

static int memoryview_traverse(OuroObject *o, ouro_visitproc visit, void *arg)
{
    OuroObject *obj = mv(o)->buf.obj;
    return obj ? visit(obj, arg) : 0;
}

/* Breaking a cycle releases the view (CPython's memory_clear does the same). */
static int memoryview_clear(OuroObject *o)
{
    ou_buffer_release(&mv(o)->buf);
    return 0;
}

/* =============================================================== type slots ======= */

static OuroObject *memoryview_repr(OuroObject *o)
{
    return ouro_str_from_format(mv(o)->buf.obj ? "<memory at %p>" : "<released memory at %p>",
                                (void *)o);
}

static ouro_ssize memoryview_length(OuroObject *o)
{
    return check_released(mv(o)) < 0 ? -1 : mv(o)->len;
}

static OuroObject *memoryview_item(OuroObject *o, ouro_ssize i)
{
    OuMemoryView *m = mv(o);
    if (check_released(m) < 0 || resolve_index(m, i, &i) < 0)
        return NULL;
    return item_value(m, i);
}

static OuroObject *memoryview_subscript(OuroObject *o, OuroObject *key)
{
    OuMemoryView *m = mv(o);
    if (check_released(m) < 0)
        return NULL;
    if (ouro_slice_check(key)) {
        ouro_ssize start, stop, step;
        if (ou_slice_unpack(key, &start, &stop, &step) < 0)
            return NULL;
        ouro_ssize n = ou_slice_adjust_indices(m->len, &start, &stop, step);
        return view_of(m, m->start + start * m->step, n, step * m->step, m->format,
                       m->buf.readonly);
    }
    ouro_ssize i;
    int rc = key_position(m, key, &i);
    if (rc < 0)
        return NULL;
    return rc ? item_value(m, i) : bad_key(key, false);
}

/* Stores value into item at p for m's format. 0, or -1 with CPython's TypeError or
 * ValueError "memoryview: invalid value for format 'B'". */
static int pack_item(OuMemoryView *m, char *p, OuroObject *value)
{
    char f = fmt_char(m);
    if (f == 'c') {
        if (!ouro_bytes_check(value))
            goto bad_type;
        if (ou_bytes_size(value) != 1)
            goto bad_value;
        *p = ou_bytes_data(value)[0];
        return 0;
    }
    if (!has_index(value))
        goto bad_type;
    OuroObject *v = ouro_number_index(value);
    if (!v)
        return -1;
    int ovf = 0;
    int64_t x = ouro_int_as_int64_and_overflow(v, &ovf);
    OURO_DECREF(v);
    if (ovf || (f == 'b' ? x < -128 || x > 127 : x < 0 || x > 255))
        goto bad_value;
    *p = (char)x;
    return 0;
bad_type:
    ouro_err_format(&ouro_exc_TypeError, "memoryview: invalid type for format '%c'", f);
    return -1;
bad_value:
    ouro_err_format(&ouro_exc_ValueError, "memoryview: invalid value for format '%c'", f);
    return -1;
}

/* The format letter of a bytes-like value given to a slice assignment ('B' but for a
 * cast memoryview). */
static char value_format(OuroObject *value)
{
    return ou_memoryview_check(value) ? fmt_char(mv(value)) : 'B';
}

/* m[slice] = value: value a bytes-like of the same length and format (copied first, so
 * an overlapping source is safe). 0, or -1 with an exception. */
static int assign_slice(OuMemoryView *m, OuroObject *key, OuroObject *value)
{
    OuroObject *src;
    if (ou_memoryview_check(value))
        src = ou_memoryview_tobytes(value);   /* any layout, as CPython's PyBUF_FULL_RO */
    else if (ouro_bytes_check(value) || ouro_bytearray_check(value))
        src = ouro_bytes_from_data(ou_bl_data(value), (size_t)ou_bl_size(value));
    else
        src = ouro_err_format(&ouro_exc_TypeError, "a bytes-like object is required, not '%s'",
                              OURO_TYPE_NAME(value));
    if (!src)
        return -1;
    ouro_ssize start, stop, step, n;
    int rc = -1;
    if (ou_slice_unpack(key, &start, &stop, &step) < 0)
        goto done;
    n = ou_slice_adjust_indices(m->len, &start, &stop, step);
    if (n != ou_bytes_size(src) || value_format(value) != fmt_char(m)) {
        ouro_err_set_string(&ouro_exc_ValueError,
                            "memoryview assignment: lvalue and rvalue have different structures");
        goto done;
    }
    char *p = m->start + start * m->step;
    for (ouro_ssize i = 0; i < n; i++)
        p[i * step * m->step] = ou_bytes_data(src)[i];
    rc = 0;
done:
    OURO_DECREF(src);
    return rc;
}

static int memoryview_ass_subscript(OuroObject *o, OuroObject *key, OuroObject *value)
{
    OuMemoryView *m = mv(o);
    if (check_released(m) < 0)
        return -1;
    if (m->buf.readonly) {
        ouro_err_set_string(&ouro_exc_TypeError, "cannot modify read-only memory");
        return -1;
    }
    if (!value) {
        ouro_err_set_string(&ouro_exc_TypeError, "cannot delete memory");
        return -1;
    }
    if (ouro_slice_check(key))
        return assign_slice(m, key, value);
    ouro_ssize i;
    int rc = key_position(m, key, &i);
    if (rc <= 0) {
        if (rc == 0)
            bad_key(key, true);
        return -1;
    }
    return pack_item(m, m->start + i * m->step, value);
}

/* The items of a view as comparison keys: ints for 'B' and 'b', the byte + 256 for 'c'
 * (a bytes item never equals an int item). */
static int item_key(const OuMemoryView *m, char f, ouro_ssize i)
{
    unsigned char c = (unsigned char)m->start[i * m->step];
    return f == 'b' ? (signed char)c : f == 'c' ? c + 256 : c;
}

/* == and != with memoryviews and bytes-likes, by the items' values (so a 'b' view equals
 * a 'B' one when all bytes are below 128, a 'c' view never equals a 'B' one); a released
 * view equals only itself. Anything else: NotImplemented. */
static OuroObject *memoryview_richcompare(OuroObject *a, OuroObject *b, int op)
{
    if (op != OURO_EQ && op != OURO_NE)
        OURO_RETURN_NOTIMPLEMENTED;
    OuMemoryView *m = mv(a), tmp;
    const OuMemoryView *w = &tmp;
    bool equal;
    if (!m->buf.obj) {
        equal = a == b;
        goto result;
    }
    if (ou_memoryview_check(b)) {
        if (!mv(b)->buf.obj) {
            equal = a == b;
            goto result;
        }
        w = mv(b);
    } else if (ouro_bytes_check(b) || ouro_bytearray_check(b)) {
        tmp.start = ou_bl_data(b);
        tmp.len = ou_bl_size(b);
        tmp.step = 1;
        memcpy(tmp.format, "B", 2);
    } else {
        OURO_RETURN_NOTIMPLEMENTED;
    }
    equal = m->len == w->len;
    char fm = fmt_char(m), fw = fmt_char(w);
    for (ouro_ssize i = 0; equal && i < m->len; i++)
        equal = item_key(m, fm, i) == item_key(w, fw, i);
result:
    return OURO_NEWREF((equal == (op == OURO_EQ)) ? OURO_TRUE : OURO_FALSE);
}

/* hash(m) = hash(m.tobytes()), for read-only views whose object is hashable (a read-only
 * view of a bytearray is not); cached, so it survives release(). */
static ouro_hash memoryview_hash(OuroObject *o)
{
    OuMemoryView *m = mv(o);
    if (m->hash != -1)
        return m->hash;
    if (check_released(m) < 0)
        return -1;
    if (!m->buf.readonly) {
        ouro_err_set_string(&ouro_exc_ValueError, "cannot hash writable memoryview object");
        return -1;
    }
    if (ouro_object_hash(m->buf.obj) == -1)
        return -1;
    OuroObject *b = ou_memoryview_tobytes(o);
    if (!b)
        return -1;
    m->hash = ouro_hash_bytes(ou_bytes_data(b), (size_t)ou_bytes_size(b));
    OURO_DECREF(b);
    return m->hash;
}

/* ================================================================== iterator ====== */

/* iter(m): reads the view at each step, so release() during the loop is seen. */
typedef struct OuMemoryViewIter {
    OuroObject ob_base;
    OuroObject *view;   /* NULL once exhausted */
    ouro_ssize index;
} OuMemoryViewIter;

static OuroObject *memoryview_iter(OuroObject *o)
{
    if (check_released(mv(o)) < 0)
        return NULL;
    OuMemoryViewIter *it = (OuMemoryViewIter *)ouro_object_alloc(&ou_memoryview_iter_type);
    if (!it)
        return NULL;
    it->view = OURO_NEWREF(o);
    ouro_gc_track((OuroObject *)it);
    return (OuroObject *)it;
}

static void mviter_dealloc(OuroObject *o)
{
    ouro_gc_untrack(o);
    OURO_XDECREF(((OuMemoryViewIter *)o)->view);
    ouro_object_free(o);
}

static int mviter_traverse(OuroObject *o, ouro_visitproc visit, void *arg)
{
    OuroObject *v = ((OuMemoryViewIter *)o)->view;
    return v ? visit(v, arg) : 0;
}

static int mviter_clear(OuroObject *o)
{
    OURO_CLEAR(((OuMemoryViewIter *)o)->view);
    return 0;
}

static OuroObject *mviter_next(OuroObject *o)
{
    OuMemoryViewIter *it = (OuMemoryViewIter *)o;
    if (!it->view)
        return NULL;
    OuMemoryView *m = mv(it->view);
    if (check_released(m) < 0)
        return NULL;
    if (it->index >= m->len) {
        OURO_CLEAR(it->view);
        return NULL;
    }
    return item_value(m, it->index++);
}

/* =================================================================== methods ====== */

static OuroObject *mv_tobytes(OuroObject *self, OuroObject *const *args, ouro_ssize nargs,
                              OuroObject *kwnames)
{
    static const char *const kwlist[] = {"order"};
    OuroObject *a[1];
    if (ou_arg_parse_kw("tobytes", args, nargs, kwnames, kwlist, 1, a) < 0 ||
        check_released(mv(self)) < 0)
        return NULL;
    if (a[0] && a[0] != OURO_NONE) {
        if (!ouro_str_check(a[0]))
            return ouro_err_format(&ouro_exc_TypeError,
                                   "tobytes() argument 'order' must be str or None, not %s",
                                   OURO_TYPE_NAME(a[0]));
        if (!ouro_str_equal_cstr(a[0], "C") && !ouro_str_equal_cstr(a[0], "F") &&
            !ouro_str_equal_cstr(a[0], "A"))
            return ouro_err_format(&ouro_exc_ValueError, "order must be 'C', 'F' or 'A'");
    }
    return ou_memoryview_tobytes(self);   /* one dimension: every order is the same */
}

static OuroObject *mv_tolist(OuroObject *self, OuroObject *unused)
{
    OuMemoryView *m = mv(self);
    if (check_released(m) < 0)
        return NULL;
    OuroObject *l = ouro_list_new(m->len);
    for (ouro_ssize i = 0; l && i < m->len; i++) {
        OuroObject *v = item_value(m, i);
        if (!v)
            OURO_CLEAR(l);
        else
            OURO_LIST_SET(l, i, v);
    }
    return l;
}

static OuroObject *mv_hex(OuroObject *self, OuroObject *const *args, ouro_ssize nargs,
                          OuroObject *kwnames)
{
    if (check_released(mv(self)) < 0)
        return NULL;
    if (ou_bl_check(self))
        return ou_bytes_hex(self, args, nargs, kwnames);
    OuroObject *b = ou_memoryview_tobytes(self);   /* a stepped view: its items in order */
    OuroObject *r = b ? ou_bytes_hex(b, args, nargs, kwnames) : NULL;
    OURO_XDECREF(b);
    return r;
}

static OuroObject *mv_release(OuroObject *self, OuroObject *unused)
{
    ou_buffer_release(&mv(self)->buf);
    OURO_RETURN_NONE;
}

static OuroObject *mv_enter(OuroObject *self, OuroObject *unused)
{
    if (check_released(mv(self)) < 0)
        return NULL;
    return OURO_NEWREF(self);
}

static OuroObject *mv_exit(OuroObject *self, OuroObject *const *args, ouro_ssize nargs)
{
    ou_buffer_release(&mv(self)->buf);
    OURO_RETURN_NONE;
}

static OuroObject *mv_toreadonly(OuroObject *self, OuroObject *unused)
{
    OuMemoryView *m = mv(self);
    if (check_released(m) < 0)
        return NULL;
    return view_of(m, m->start, m->len, m->step, m->format, true);
}

/* The item size of a native struct format letter (struct's '@' table), or 0. */
static int native_itemsize(char c)
{
    switch (c) {
    case 'c': case 'b': case 'B': case '?': return 1;
    case 'h': case 'H': case 'e': return 2;
    case 'i': case 'I': case 'f': return 4;
    case 'l': case 'L': case 'q': case 'Q': case 'n': case 'N': case 'd': case 'P': return 8;
    default: return 0;
    }
}

/* The shape argument of cast() for a view of nbytes bytes: CPython's checks, then
 * ouro's limit (one dimension). 0, or -1 with an exception. */
static int cast_shape(OuroObject *shape, ouro_ssize nbytes)
{
    if (!ouro_list_check(shape) && !ouro_tuple_check(shape)) {
        ouro_err_set_string(&ouro_exc_TypeError, "shape must be a list or a tuple");
        return -1;
    }
    ouro_ssize ndim = ouro_object_length(shape), product = 1;
    if (ndim > 64) {
        ouro_err_set_string(&ouro_exc_ValueError,
                            "memoryview: number of dimensions must not exceed 64");
        return -1;
    }
    for (ouro_ssize i = 0; i < ndim; i++) {
        OuroObject *d = ouro_list_check(shape) ? OURO_LIST_GET(shape, i)
                                                : OURO_TUPLE_GET(shape, i);
        int ovf = 0;
        if (!ouro_int_check(d)) {
            ouro_err_set_string(&ouro_exc_TypeError,
                                "memoryview.cast(): elements of shape must be integers");
            return -1;
        }
        int64_t x = ouro_int_as_int64_and_overflow(d, &ovf);
        if (ovf) {
            ouro_err_set_string(&ouro_exc_OverflowError,
                                "Python int too large to convert to C ssize_t");
            return -1;
        }
        if (x <= 0) {
            ouro_err_set_string(&ouro_exc_ValueError,
                                "memoryview.cast(): elements of shape must be integers > 0");
            return -1;
        }
        product = x > INT64_MAX / product ? -1 : product * x;
        if (product < 0)
            break;
    }
    if (product != nbytes) {
        ouro_err_set_string(&ouro_exc_TypeError,
                            "memoryview: product(shape) * itemsize != buffer size");
        return -1;
    }
    if (ndim != 1) {
        ouro_err_set_string(&ouro_exc_NotImplementedError,
                            "memoryview: ouro has one-dimensional views only");
        return -1;
    }
    return 0;
}

/* cast(format[, shape]): a view of the same bytes as 'B', 'b' or 'c' items. Other native
 * formats get CPython's checks, then NotImplementedError (ouro's views have one byte per
 * item). */
static OuroObject *mv_cast(OuroObject *self, OuroObject *const *args, ouro_ssize nargs,
                           OuroObject *kwnames)
{
    static const char *const kwlist[] = {"format", "shape"};
    OuroObject *a[2];
    OuMemoryView *m = mv(self);
    ouro_ssize total = nargs + (kwnames ? OURO_TUPLE_SIZE(kwnames) : 0);
    if (total > 2)
        return ouro_err_format(&ouro_exc_TypeError,
                               "cast() takes at most 2 arguments (%zd given)", total);
    if (ou_arg_parse_kw("cast", args, nargs, kwnames, kwlist, 2, a) < 0)
        return NULL;
    if (!a[0])
        return ouro_err_format(&ouro_exc_TypeError,
                               "cast() missing required argument 'format' (pos 1)");
    if (!ouro_str_check(a[0]))
        return ouro_err_format(&ouro_exc_TypeError, "cast() argument 'format' must be str, not %s",
                               OURO_TYPE_NAME(a[0]));
    if (check_released(m) < 0)
        return NULL;
    if (m->step != 1 && m->len != 1)
        return ouro_err_format(&ouro_exc_TypeError,
                               "memoryview: casts are restricted to C-contiguous views");
    if (a[1] && m->len == 0)
        return ouro_err_format(&ouro_exc_TypeError,
                               "memoryview: cannot cast view with zeros in shape or strides");
    const char *f = ou_str_data(a[0]);
    ouro_ssize fn = ou_str_nbytes(a[0]);
    const char *letter = fn == 2 && f[0] == '@' ? f + 1 : f;
    int itemsize = (fn == 1 || (fn == 2 && f[0] == '@')) ? native_itemsize(*letter) : 0;
    if (!itemsize)
        return ouro_err_format(&ouro_exc_ValueError,
                               "memoryview: destination format must be a native single "
                               "character format prefixed with an optional '@'");
    if (m->len % itemsize)
        return ouro_err_format(&ouro_exc_TypeError,
                               "memoryview: length is not a multiple of itemsize");
    if (!strchr("Bbc", *letter))
        return ouro_err_format(&ouro_exc_NotImplementedError,
                               "memoryview: ouro casts to 'B', 'b' and 'c' only, not '%s'", f);
    if (a[1] && cast_shape(a[1], m->len) < 0)
        return NULL;
    return view_of(m, m->start, m->len, m->len == 1 ? 1 : m->step, f, m->buf.readonly);
}

/* ================================================================ attributes ====== */

/* Each getter raises ValueError on a released view. Returns: new reference, or NULL. */
static OuroObject *get_obj(OuroObject *o, void *c)
{
    return check_released(mv(o)) < 0 ? NULL : OURO_NEWREF(mv(o)->buf.obj);
}
static OuroObject *get_nbytes(OuroObject *o, void *c)
{
    return check_released(mv(o)) < 0 ? NULL : ouro_int_from_ssize(mv(o)->len);
}
static OuroObject *get_readonly(OuroObject *o, void *c)
{
    if (check_released(mv(o)) < 0)
        return NULL;
    return OURO_NEWREF(mv(o)->buf.readonly ? OURO_TRUE : OURO_FALSE);
}
static OuroObject *get_itemsize(OuroObject *o, void *c)
{
    return check_released(mv(o)) < 0 ? NULL : ouro_int_from_ssize(1);
}
static OuroObject *get_format(OuroObject *o, void *c)
{
    return check_released(mv(o)) < 0 ? NULL : ouro_str_from_cstr(mv(o)->format);
}
static OuroObject *get_ndim(OuroObject *o, void *c)
{
    return check_released(mv(o)) < 0 ? NULL : ouro_int_from_ssize(1);
}
/* A 1-tuple of v (shape, strides). New reference, or NULL. */
static OuroObject *one_tuple(OuMemoryView *m, ouro_ssize v)
{
    if (check_released(m) < 0)
        return NULL;
    OuroObject *n = ouro_int_from_ssize(v), *t = n ? ouro_tuple_new(1) : NULL;
    if (!t) {
        OURO_XDECREF(n);
        return NULL;
    }
    OURO_TUPLE_SET(t, 0, n);
    return t;
}
static OuroObject *get_shape(OuroObject *o, void *c) { return one_tuple(mv(o), mv(o)->len); }
static OuroObject *get_strides(OuroObject *o, void *c) { return one_tuple(mv(o), mv(o)->step); }
static OuroObject *get_suboffsets(OuroObject *o, void *c)
{
    return check_released(mv(o)) < 0 ? NULL : ouro_tuple_new(0);
}
/* All three contiguity flags agree in one dimension: step 1 or a single item. */
static OuroObject *get_contiguous(OuroObject *o, void *c)
{
    OuMemoryView *m = mv(o);
    if (check_released(m) < 0)
        return NULL;
    return OURO_NEWREF(m->step == 1 || m->len == 1 ? OURO_TRUE : OURO_FALSE);
}

static const OuroGetSetDef memoryview_getsets[] = {
    {"obj", get_obj, NULL, "The underlying object of the memoryview.", NULL},
    {"nbytes", get_nbytes, NULL, "The amount of space in bytes that the array would use in\n a contiguous representation.", NULL},
    {"readonly", get_readonly, NULL, "A bool indicating whether the memory is read only.", NULL},
    {"itemsize", get_itemsize, NULL, "The size in bytes of each element of the memoryview.", NULL},
    {"format", get_format, NULL, "A string containing the format (in struct module style)\n for each element in the view.", NULL},
    {"ndim", get_ndim, NULL, "An integer indicating how many dimensions of a multi-dimensional\n array the memory represents.", NULL},
    {"shape", get_shape, NULL, "A tuple of ndim integers giving the shape of the memory\n as an N-dimensional array.", NULL},
    {"strides", get_strides, NULL, "A tuple of ndim integers giving the size in bytes to access\n each element for each dimension of the array.", NULL},
    {"suboffsets", get_suboffsets, NULL, "A tuple of integers used internally for PIL-style arrays.", NULL},
    {"c_contiguous", get_contiguous, NULL, "A bool indicating whether the memory is C contiguous.", NULL},
    {"f_contiguous", get_contiguous, NULL, "A bool indicating whether the memory is Fortran contiguous.", NULL},
    {"contiguous", get_contiguous, NULL, "A bool indicating whether the memory is contiguous.", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

#define FASTKW (OURO_METH_FASTCALL | OURO_METH_KEYWORDS)
static const OuroMethodDef memoryview_methods[] = {
    {"release", OURO_METH(mv_release), OURO_METH_NOARGS, "Release the underlying buffer exposed by the memoryview object."},
    {"tobytes", OURO_METH(mv_tobytes), FASTKW, "Return the data in the buffer as a byte string."},
    {"hex", OURO_METH(mv_hex), FASTKW, "Return the data in the buffer as a str of hexadecimal numbers."},
    {"tolist", OURO_METH(mv_tolist), OURO_METH_NOARGS, "Return the data in the buffer as a list of elements."},
    {"cast", OURO_METH(mv_cast), FASTKW, "Cast a memoryview to a new format or shape."},
    {"toreadonly", OURO_METH(mv_toreadonly), OURO_METH_NOARGS, "Return a readonly version of the memoryview."},
    {"__enter__", OURO_METH(mv_enter), OURO_METH_NOARGS, NULL},
    {"__exit__", OURO_METH(mv_exit), OURO_METH_FASTCALL, NULL},
    {NULL, NULL, 0, NULL},
};

/* ====================================================================== the types == */

static const OuroSequenceMethods memoryview_as_sequence = {
    .sq_length = memoryview_length,
    .sq_item = memoryview_item,
};

static const OuroMappingMethods memoryview_as_mapping = {
    .mp_length = memoryview_length,
    .mp_subscript = memoryview_subscript,
    .mp_ass_subscript = memoryview_ass_subscript,
};

OuroType ou_memoryview_type = {
    .ob_base = OURO_STATIC_HEAD(OURO_TID_TYPE),
    .tp_name = "memoryview",
    .tp_flags = OURO_TPFLAG_GC,
    .tp_basicsize = sizeof(OuMemoryView),
    .tp_dealloc = memoryview_dealloc,
    .tp_traverse = memoryview_traverse,
    .tp_clear = memoryview_clear,
    .tp_repr = memoryview_repr,
    .tp_hash = memoryview_hash,
    .tp_richcompare = memoryview_richcompare,
    .tp_iter = memoryview_iter,
    .tp_new = memoryview_new,
    .tp_as_sequence = &memoryview_as_sequence,
    .tp_as_mapping = &memoryview_as_mapping,
    .tp_methods = memoryview_methods,
    .tp_getset = memoryview_getsets,
    .tp_doc = "Create a new memoryview object which references the given object.",
};

OuroType ou_memoryview_iter_type = {
    .ob_base = OURO_STATIC_HEAD(OURO_TID_TYPE),
    .tp_name = "memory_iterator",
    .tp_flags = OURO_TPFLAG_GC,
    .tp_basicsize = sizeof(OuMemoryViewIter),
    .tp_dealloc = mviter_dealloc,
    .tp_traverse = mviter_traverse,
    .tp_clear = mviter_clear,
    .tp_iter = ou_object_self_iter,
    .tp_iternext = mviter_next,
};
