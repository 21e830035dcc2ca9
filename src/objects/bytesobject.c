/* src/objects/bytesobject.c — bytes: immutable byte strings, data inline after a 24-byte
 * header (layout in strimpl.h), a cached hash equal to str's for the same ASCII text (both
 * are SipHash-1-3 of the bytes, strhash.c). Methods: bytesmethods.c. The comparison,
 * `in` and the iterator serve bytearray too. */
#include "objects/strimpl.h"

#include <string.h>

/* ================================================================ construction ====== */

OuroObject *ou_bytes_alloc(ouro_ssize n)
{
    if (n < 0 || n > INT64_MAX - (ouro_ssize)OU_BYTES_HEADER - 8)
        return ouro_err_no_memory();
    OuroObject *b = ouro_object_alloc_var(&ouro_bytes_type, n + 1);
    if (!b)
        return NULL;
    OuroBytes *o = (OuroBytes *)b;
    o->hash = -1;
    o->size = n;
    o->data[n] = '\0';
    return b;
}

OuroObject *ouro_bytes_from_data(const void *p, size_t n)
{
    OuroObject *b = ou_bytes_alloc((ouro_ssize)n);
    if (!b)
        return NULL;
    if (p)
        memcpy(ou_bytes_data(b), p, n);
    else
        memset(ou_bytes_data(b), 0, n);
    return b;
}

const char *ouro_bytes_data(OuroObject *b) { return ou_bytes_data(b); }
ouro_ssize ouro_bytes_length(OuroObject *b) { return ou_bytes_size(b); }

OuroObject *ouro_bytes_concat(OuroObject *a, OuroObject *b)
{
    if (!ouro_bytes_check(a) || !ou_bl_check(b))
        return ouro_err_format(&ouro_exc_TypeError, "can't concat %s to %s", OURO_TYPE_NAME(b),
                               OURO_TYPE_NAME(a));
    ouro_ssize na = ou_bytes_size(a), nb = ou_bl_size(b);
    if (nb == 0 && ouro_is_type(a, &ouro_bytes_type))
        return OURO_NEWREF(a);
    if (na == 0 && ouro_is_type(b, &ouro_bytes_type))
        return OURO_NEWREF(b);
    if (na > INT64_MAX / 2 - nb)
        return ouro_err_no_memory();
    OuroObject *r = ou_bytes_alloc(na + nb);
    if (!r)
        return NULL;
    memcpy(ou_bytes_data(r), ou_bytes_data(a), (size_t)na);
    memcpy(ou_bytes_data(r) + na, ou_bl_data(b), (size_t)nb);
    return r;
}

/* A bytes equal to b, of exact type (b itself when it already is). New reference. */
static OuroObject *bytes_exact(OuroObject *b)
{
    if (ouro_is_type(b, &ouro_bytes_type))
        return OURO_NEWREF(b);
    return ouro_bytes_from_data(ou_bytes_data(b), (size_t)ou_bytes_size(b));
}

/* =========================================================================== repr == */

/* CPython's bytes repr: single quotes unless the data has ' and no "; \t \n \r \\ and the
 * quote escaped; other bytes outside 0x20..0x7e as \xNN. */
OuroObject *ouro_bytes_repr(OuroObject *b)
{
    return ou_bytes_repr_data(ou_bytes_data(b), ou_bytes_size(b));
}

OuroObject *ou_bytes_repr_data(const char *data, ouro_ssize n)
{
    const unsigned char *p = (const unsigned char *)data;
    bool sq = memchr(p, '\'', (size_t)n) != NULL, dq = memchr(p, '"', (size_t)n) != NULL;
    char quote = sq && !dq ? '"' : '\'';
    ouro_ssize size = 3;
    for (ouro_ssize i = 0; i < n; i++) {
        unsigned c = p[i];
        size += c == (unsigned)quote || c == '\\' || c == '\t' || c == '\n' || c == '\r' ? 2
              : c < 0x20 || c >= 0x7F ? 4 : 1;
    }
    OuroObject *r = ou_str_alloc(size, size, 1);
    if (!r)
        return NULL;
    static const char hex[] = "0123456789abcdef";
    char *o = ou_str_data(r);
    *o++ = 'b';
    *o++ = quote;
    for (ouro_ssize i = 0; i < n; i++) {
        unsigned c = p[i];
        if (c == (unsigned)quote || c == '\\')
            *o++ = '\\', *o++ = (char)c;
        else if (c == '\t' || c == '\n' || c == '\r')
            *o++ = '\\', *o++ = c == '\t' ? 't' : c == '\n' ? 'n' : 'r';
        else if (c < 0x20 || c >= 0x7F)
            *o++ = '\\', *o++ = 'x', *o++ = hex[c >> 4], *o++ = hex[c & 15];
        else
            *o++ = (char)c;
    }
    *o++ = quote;
    return r;
}

/* =================================================================== type slots ====== */

static void bytes_dealloc(OuroObject *b)
{
    ouro_object_free(b);
}

static ouro_hash bytes_hash(OuroObject *b)
{
    OuroBytes *o = (OuroBytes *)b;
    if (o->hash == -1)
        o->hash = ouro_hash_bytes(o->data, (size_t)o->size);
    return o->hash;
}

/* bytes and bytearray compare with each other by content (tp_richcompare of both); a
 * bytearray also with a contiguous memoryview, a bytes not (as CPython: bytes == view is
 * answered by the view's ==, bytes < view is a TypeError). */
OuroObject *ou_bytes_richcompare(OuroObject *a, OuroObject *b, int op)
{
    if (!ou_bl_check(a) || !ou_bl_check(b) ||
        (ou_memoryview_check(b) && ouro_bytes_check(a)))
        OURO_RETURN_NOTIMPLEMENTED;
    ouro_ssize na = ou_bl_size(a), nb = ou_bl_size(b);
    int c;
    if ((op == OURO_EQ || op == OURO_NE) && na != nb)
        c = 1;
    else {
        c = memcmp(ou_bl_data(a), ou_bl_data(b), (size_t)(na < nb ? na : nb));
        if (c == 0)
            c = na < nb ? -1 : na > nb ? 1 : 0;
    }
    bool r;
    switch (op) {
    case OURO_EQ: r = c == 0; break;
    case OURO_NE: r = c != 0; break;
    case OURO_LT: r = c < 0; break;
    case OURO_LE: r = c <= 0; break;
    case OURO_GT: r = c > 0; break;
    default: r = c >= 0; break;
    }
    return OURO_NEWREF(r ? OURO_TRUE : OURO_FALSE);
}

static ouro_ssize bytes_length(OuroObject *b)
{
    return ou_bytes_size(b);
}

static OuroObject *bytes_concat_slot(OuroObject *a, OuroObject *b)
{
    return ouro_bytes_concat(a, b);
}

static OuroObject *bytes_repeat(OuroObject *b, ouro_ssize n)
{
    ouro_ssize size = ou_bytes_size(b);
    if (n < 0)
        n = 0;
    if (n == 1 && ouro_is_type(b, &ouro_bytes_type))
        return OURO_NEWREF(b);
    if (size && n > (INT64_MAX - (ouro_ssize)OU_BYTES_HEADER - 8) / size) {
        ouro_err_set_string(&ouro_exc_OverflowError, "repeated bytes are too long");
        return NULL;
    }
    ouro_ssize total = size * n;
    OuroObject *r = ou_bytes_alloc(total);
    if (!r)
        return NULL;
    char *o = ou_bytes_data(r);
    if (size == 1) {
        memset(o, ou_bytes_data(b)[0], (size_t)total);
        return r;
    }
    if (total)
        memcpy(o, ou_bytes_data(b), (size_t)size);
    for (ouro_ssize done = size; done < total;) {
        ouro_ssize k = done <= total - done ? done : total - done;
        memcpy(o + done, o, (size_t)k);
        done += k;
    }
    return r;
}

static OuroObject *bytes_item(OuroObject *b, ouro_ssize i)
{
    if (i < 0 || i >= ou_bytes_size(b)) {
        ouro_err_set_string(&ouro_exc_IndexError, "index out of range");
        return NULL;
    }
    return ouro_int_from_ssize((unsigned char)ou_bytes_data(b)[i]);
}

int ou_bytes_byte_arg(OuroObject *o)
{
    ouro_ssize v = ouro_number_as_ssize(o, NULL);
    if (v == -1 && ouro_err_occurred())
        return -1;
    if (v < 0 || v > 255) {
        ouro_err_set_string(&ouro_exc_ValueError, "byte must be in range(0, 256)");
        return -1;
    }
    return (int)v;
}

static bool has_index(OuroObject *o)
{
    const OuroNumberMethods *nb = OURO_TYPE(o)->tp_as_number;
    return nb && nb->nb_index;
}

/* x in b for bytes and bytearray b (the data is read after x's __index__ ran). */
int ou_bytes_contains(OuroObject *b, OuroObject *x)
{
    if (has_index(x)) {
        int v = ou_bytes_byte_arg(x);
        if (v < 0)
            return -1;
        return memchr(ou_bl_data(b), v, (size_t)ou_bl_size(b)) != NULL;
    }
    const char *d = ou_bl_data(b);
    ouro_ssize n = ou_bl_size(b);
    if (!ou_bl_check(x)) {
        if (!ou_bl_view_error(x))
            ouro_err_format(&ouro_exc_TypeError, "a bytes-like object is required, not '%s'",
                            OURO_TYPE_NAME(x));
        return -1;
    }
    return ou_sl_find(d, n, ou_bl_data(x), ou_bl_size(x)) >= 0;
}

static OuroObject *bytes_subscript(OuroObject *b, OuroObject *key)
{
    if (has_index(key)) {
        ouro_ssize i = ouro_number_as_ssize(key, &ouro_exc_IndexError);
        if (i == -1 && ouro_err_occurred())
            return NULL;
        if (i < 0)
            i += ou_bytes_size(b);
        return bytes_item(b, i);
    }
    if (ouro_slice_check(key)) {
        ouro_ssize start, stop, step;
        ouro_ssize n = ouro_slice_unpack_indices(key, ou_bytes_size(b), &start, &stop, &step);
        if (n < 0)
            return NULL;
        if (step == 1) {
            if (n == ou_bytes_size(b))
                return bytes_exact(b);
            return ouro_bytes_from_data(ou_bytes_data(b) + start, (size_t)n);
        }
        OuroObject *r = ou_bytes_alloc(n);
        if (!r)
            return NULL;
        for (ouro_ssize i = 0, k = start; i < n; i++, k += step)
            ou_bytes_data(r)[i] = ou_bytes_data(b)[k];
        return r;
    }
    return ouro_err_format(&ouro_exc_TypeError,
                           "byte indices must be integers or slices, not %s", OURO_TYPE_NAME(key));
}

/* --------------------------------------------------------------- bytes.__new__ -- */

/* bytes(iterable of ints): each item via __index__, in range(0, 256). */
static OuroObject *bytes_from_iterable(OuroObject *x)
{
    OuroObject *it = ouro_object_get_iter(x);
    if (!it) {
        if (ouro_err_matches(&ouro_exc_TypeError))
            ouro_err_format(&ouro_exc_TypeError, "cannot convert '%s' object to bytes",
                            OURO_TYPE_NAME(x));
        return NULL;
    }
    OuStrBuf buf;
    ou_strbuf_init(&buf);
    OuroObject *item, *r = NULL;
    while ((item = ouro_iter_next(it))) {
        ouro_ssize v = ouro_number_as_ssize(item, NULL);
        OURO_DECREF(item);
        if (v == -1 && ouro_err_occurred())
            goto done;
        if (v < 0 || v > 255) {
            ouro_err_set_string(&ouro_exc_ValueError, "bytes must be in range(0, 256)");
            goto done;
        }
        ou_strbuf_append_char(&buf, (char)v);
    }
    if (ouro_err_occurred())
        goto done;
    r = buf.failed ? ouro_err_no_memory() : ouro_bytes_from_data(buf.data, buf.len);
done:
    ou_strbuf_discard(&buf);
    OURO_DECREF(it);
    return r;
}

static OuroObject *bytes_from_source(OuroObject *x, OuroObject *encoding, OuroObject *errors)
{
    if (!x) {
        if (encoding || errors) {
            ouro_err_set_string(&ouro_exc_TypeError,
                                encoding ? "encoding without a string argument"
                                         : "errors without a string argument");
            return NULL;
        }
        return ou_bytes_alloc(0);
    }
    if (encoding || errors) {
        if (!ouro_str_check(x)) {
            ouro_err_set_string(&ouro_exc_TypeError,
                                encoding ? "encoding without a string argument"
                                         : "errors without a string argument");
            return NULL;
        }
        if (!encoding) {
            ouro_err_set_string(&ouro_exc_TypeError, "string argument without an encoding");
            return NULL;
        }
        if (ou_codec_args("bytes", encoding, errors) < 0)
            return NULL;
        return ou_str_encode(x, encoding, errors);
    }
    if (ouro_str_check(x)) {
        ouro_err_set_string(&ouro_exc_TypeError, "string argument without an encoding");
        return NULL;
    }
    if (has_index(x)) {
        ouro_ssize n = ouro_number_as_ssize(x, &ouro_exc_OverflowError);
        if (n == -1 && ouro_err_occurred())
            return NULL;
        if (n < 0) {
            ouro_err_set_string(&ouro_exc_ValueError, "negative count");
            return NULL;
        }
        return ouro_bytes_from_data(NULL, (size_t)n);
    }
    if (ouro_bytes_check(x))
        return bytes_exact(x);
    if (ouro_bytearray_check(x))
        return ouro_bytes_from_data(ou_bytearray_data(x), (size_t)ou_bytearray_size(x));
    if (ou_memoryview_check(x))
        return ou_memoryview_tobytes(x);
    return bytes_from_iterable(x);
}

int ou_bytes_parse_new_args(const char *fname, OuroObject *args, OuroObject *kwargs,
                            OuroObject *argv[3])
{
    static const char *const names[3] = {"source", "encoding", "errors"};
    ouro_ssize nargs = args ? OURO_TUPLE_SIZE(args) : 0;
    argv[0] = argv[1] = argv[2] = NULL;
    if (nargs > 3) {
        ouro_err_format(&ouro_exc_TypeError, "%s() takes at most 3 arguments (%zd given)",
                        fname, nargs);
        return -1;
    }
    for (ouro_ssize i = 0; i < nargs; i++)
        argv[i] = OURO_TUPLE_GET(args, i);
    ouro_ssize pos = 0;
    OuroObject *k, *v;
    while (kwargs && ouro_dict_next(kwargs, &pos, &k, &v)) {
        int i = 0;
        while (i < 3 && !(ouro_str_check(k) && ouro_str_equal_cstr(k, names[i])))
            i++;
        if (i == 3) {
            ouro_err_format(&ouro_exc_TypeError, "'%S' is an invalid keyword argument for %s()",
                            k, fname);
            return -1;
        }
        if (argv[i]) {
            ouro_err_format(&ouro_exc_TypeError,
                            "argument for %s() given by name ('%s') and position (%d)", fname,
                            names[i], i + 1);
            return -1;
        }
        argv[i] = v;
    }
    return 0;
}

static OuroObject *bytes_new(OuroType *type, OuroObject *args, OuroObject *kwargs)
{
    OuroObject *argv[3];
    if (ou_bytes_parse_new_args("bytes", args, kwargs, argv) < 0)
        return NULL;
    OuroObject *r = bytes_from_source(argv[0], argv[1], argv[2]);
    if (!r || type == &ouro_bytes_type)
        return r;
    OuroObject *o = ouro_object_alloc_var(type, ou_bytes_size(r) + 1);
    if (o) {
        OuroBytes *ob = (OuroBytes *)o;
        ob->hash = -1;
        ob->size = ou_bytes_size(r);
        memcpy(ob->data, ou_bytes_data(r), (size_t)ob->size + 1);
        if (ouro_type_has_flag(type, OURO_TPFLAG_GC))
            ouro_gc_track(o);
    }
    OURO_DECREF(r);
    return o;
}

/* =================================================================== iterator ====== */

/* One iterator for bytes and bytearray (two type objects for the two names): it reads
 * the sequence at each step, so a bytearray changed during the iteration shows it. */
typedef struct OuBytesIter {
    OuroObject ob_base;
    OuroObject *seq;   /* NULL once exhausted */
    ouro_ssize index;
} OuBytesIter;

OuroObject *ou_bytes_iter(OuroObject *b)
{
    OuroType *t = ouro_bytes_check(b) ? &ou_bytes_iter_type : &ou_bytearray_iter_type;
    OuBytesIter *it = (OuBytesIter *)ouro_object_alloc(t);
    if (!it)
        return NULL;
    it->seq = OURO_NEWREF(b);
    it->index = 0;
    ouro_gc_track((OuroObject *)it);
    return (OuroObject *)it;
}

static void bytesiter_dealloc(OuroObject *o)
{
    ouro_gc_untrack(o);
    OURO_XDECREF(((OuBytesIter *)o)->seq);
    ouro_object_free(o);
}

static int bytesiter_traverse(OuroObject *o, ouro_visitproc visit, void *arg)
{
    OuroObject *seq = ((OuBytesIter *)o)->seq;
    return seq ? visit(seq, arg) : 0;
}

static int bytesiter_clear(OuroObject *o)
{
    OURO_CLEAR(((OuBytesIter *)o)->seq);
    return 0;
}

static OuroObject *bytesiter_next(OuroObject *o)
{
    OuBytesIter *it = (OuBytesIter *)o;
    if (!it->seq)
        return NULL;
    if (it->index >= ou_bl_size(it->seq)) {
        OURO_CLEAR(it->seq);
        return NULL;
    }
    return ouro_int_from_ssize((unsigned char)ou_bl_data(it->seq)[it->index++]);
}

static OuroObject *bytesiter_length_hint(OuroObject *o, OuroObject *unused)
{
    OuBytesIter *it = (OuBytesIter *)o;
    ouro_ssize left = it->seq ? ou_bl_size(it->seq) - it->index : 0;
    return ouro_int_from_ssize(left > 0 ? left : 0);
}

static const OuroMethodDef bytesiter_methods[] = {
    {"__length_hint__", OURO_METH(bytesiter_length_hint), OURO_METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL},
};

/* ====================================================================== the types == */

static const OuroSequenceMethods bytes_as_sequence = {
    .sq_length = bytes_length,
    .sq_concat = bytes_concat_slot,
    .sq_repeat = bytes_repeat,
    .sq_item = bytes_item,
    .sq_contains = ou_bytes_contains,
};

static const OuroMappingMethods bytes_as_mapping = {
    .mp_length = bytes_length,
    .mp_subscript = bytes_subscript,
};

/* bytes % args: printf-style formatting (strpercent.c). */
static const OuroNumberMethods bytes_as_number = { .nb_remainder = ou_bytes_mod };

OuroType ouro_bytes_type = {
    .ob_base = OURO_STATIC_HEAD(OURO_TID_TYPE),
    .tp_name = "bytes",
    .tp_flags = OURO_TPFLAG_BYTES_SUBCLASS | OURO_TPFLAG_BASETYPE,
    .tp_basicsize = (ouro_ssize)OU_BYTES_HEADER,
    .tp_itemsize = 1,
    .tp_dealloc = bytes_dealloc,
    .tp_repr = ouro_bytes_repr,
    .tp_str = ouro_bytes_repr,
    .tp_hash = bytes_hash,
    .tp_richcompare = ou_bytes_richcompare,
    .tp_iter = ou_bytes_iter,
    .tp_new = bytes_new,
    .tp_as_sequence = &bytes_as_sequence,
    .tp_as_mapping = &bytes_as_mapping,
    .tp_as_number = &bytes_as_number,
    .tp_methods = ou_bytes_methods,
    .tp_doc = "bytes(iterable_of_ints) -> bytes\nbytes(string, encoding[, errors]) -> bytes\n"
              "bytes(bytes_or_buffer) -> immutable copy of bytes_or_buffer\n"
              "bytes(int) -> bytes object of size given by the parameter initialized with "
              "null bytes\nbytes() -> empty bytes object",
};

/* The two iterator types differ only by name. */
#define OU_BYTES_ITER_TYPE(name) {                                                         \
    .ob_base = OURO_STATIC_HEAD(OURO_TID_TYPE),                                            \
    .tp_name = name,                                                                       \
    .tp_flags = OURO_TPFLAG_GC,                                                            \
    .tp_basicsize = sizeof(OuBytesIter),                                                   \
    .tp_dealloc = bytesiter_dealloc,                                                       \
    .tp_traverse = bytesiter_traverse,                                                     \
    .tp_clear = bytesiter_clear,                                                           \
    .tp_iter = ou_object_self_iter,                                                        \
    .tp_iternext = bytesiter_next,                                                         \
    .tp_methods = bytesiter_methods,                                                       \
}
OuroType ou_bytes_iter_type = OU_BYTES_ITER_TYPE("bytes_iterator");
OuroType ou_bytearray_iter_type = OU_BYTES_ITER_TYPE("bytearray_iterator");
