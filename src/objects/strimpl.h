/* src/objects/strimpl.h — internal layout and helpers of str and bytes, shared by the files
 * that implement them (strobject.c, strhash.c, strformat.c, strmethods.c, bytesobject.c,
 * bytesmethods.c, stringlib.c, unicodetab.c). Narrative: docs/internals/objects.md, "str". */
#ifndef OU_STRIMPL_H
#define OU_STRIMPL_H

#include "objects/objects.h"

/* ------------------------------------------------------------------------ str layout --
 * A str is immutable UTF-8 stored inline after a 24-byte header:
 *
 *   offset 0   OuroObject ob_base   refcount + type word              8 bytes
 *          8   ouro_hash hash       -1 until first computed           8 bytes
 *         16   uint64_t info        byte length (low 48 bits) | flags 8 bytes
 *         24   char data[]          the UTF-8 bytes, then a NUL
 *   (non-ASCII only) at OU_STR_TAIL(nbytes): uint64_t code point count
 *
 * ASCII strings (byte length == code point count) store no count: a 1-character ASCII
 * str is 24 + 2 = 26 bytes (a 32-byte block; CPython's is 50 bytes). Non-ASCII strings add
 * the 8-byte count after the NUL, 8-aligned. The flags give the CPython "kind" (the widest
 * code point: 1, 2 or 4 bytes), which str hashing needs to reproduce CPython's values.
 *
 * Lone surrogates (U+D800..U+DFFF, which CPython's str allows) are stored as their 3-byte
 * generalized-UTF-8 form (ED A0 80 ..ED BF BF, "surrogatepass"); a high and a low surrogate
 * next to each other stay two code points, as in CPython. ouro_str_from_utf8 rejects them
 * (as CPython's decoder does); encode('utf-8') raises "surrogates not allowed".
 *
 * Indexing a non-ASCII string walks the UTF-8 from the nearest of its start, its end and
 * the position the runtime found last (one cached index -> offset pair): O(n) at worst,
 * O(1) a step for sequential s[i]. Iterators keep a byte offset: a full iteration is O(n). */
typedef struct OuroStr {
    OuroObject ob_base;
    ouro_hash hash;
    uint64_t info;
    char data[];
} OuroStr;

#define OU_STR_HEADER ((size_t)offsetof(OuroStr, data))   /* 24 */
#define OU_STR_LEN_BITS 48
#define OU_STR_LEN_MASK ((UINT64_C(1) << OU_STR_LEN_BITS) - 1)
/* Largest byte length a str may have (the 48-bit field; 256 TiB). */
#define OU_STR_MAX_BYTES ((ouro_ssize)OU_STR_LEN_MASK)
enum {
    OU_STRF_ASCII = 1u << 0,    /* every byte < 0x80: code point count == byte length */
    OU_STRF_INTERNED = 1u << 1, /* in the runtime's interned table (and immortal) */
    OU_STRF_KIND2 = 1u << 2,    /* some code point >= 0x100 (CPython kind >= 2) */
    OU_STRF_KIND4 = 1u << 3,    /* some code point >= 0x10000 (CPython kind 4) */
};
#define OU_STR_FLAG_SHIFT 56

/* Offset of the code point count of a non-ASCII str of nbytes bytes: after the NUL. */
#define OU_STR_TAIL(nbytes) ((OU_STR_HEADER + (size_t)(nbytes) + 1 + 7) & ~(size_t)7)

static inline OuroStr *ou_str(OuroObject *s) { return (OuroStr *)s; }
static inline char *ou_str_data(OuroObject *s) { return ((OuroStr *)s)->data; }
static inline ouro_ssize ou_str_nbytes(const OuroObject *s)
{ return (ouro_ssize)(((const OuroStr *)s)->info & OU_STR_LEN_MASK); }
static inline unsigned ou_str_flags(const OuroObject *s)
{ return (unsigned)(((const OuroStr *)s)->info >> OU_STR_FLAG_SHIFT); }
static inline bool ou_str_is_ascii(const OuroObject *s) { return ou_str_flags(s) & OU_STRF_ASCII; }
static inline ouro_ssize ou_str_len(const OuroObject *s)
{
    ouro_ssize n = ou_str_nbytes(s);
    if (ou_str_flags(s) & OU_STRF_ASCII)
        return n;
    uint64_t c;
    __builtin_memcpy(&c, (const char *)s + OU_STR_TAIL(n), sizeof c);
    return (ouro_ssize)c;
}
/* CPython's kind of the string: 1, 2 or 4 bytes per code point. */
static inline int ou_str_kind(const OuroObject *s)
{
    unsigned f = ou_str_flags(s);
    return (f & OU_STRF_KIND4) ? 4 : (f & OU_STRF_KIND2) ? 2 : 1;
}

/* ---------------------------------------------------------------------- UTF-8 helpers -- */
/* Decodes the code point at *p from trusted (internal) UTF-8 and advances *p. */
static inline uint32_t ou_utf8_next(const unsigned char **pp)
{
    const unsigned char *p = *pp;
    uint32_t c = p[0];
    if (c < 0x80) {
        *pp = p + 1;
        return c;
    }
    if (c < 0xE0) {
        *pp = p + 2;
        return ((c & 0x1F) << 6) | (p[1] & 0x3F);
    }
    if (c < 0xF0) {
        *pp = p + 3;
        return ((c & 0x0F) << 12) | ((uint32_t)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    }
    *pp = p + 4;
    return ((c & 0x07) << 18) | ((uint32_t)(p[1] & 0x3F) << 12) | ((uint32_t)(p[2] & 0x3F) << 6) |
           (p[3] & 0x3F);
}
/* Decodes the code point that ends just before *pp and moves *pp back to its start. */
static inline uint32_t ou_utf8_prev(const unsigned char **pp)
{
    const unsigned char *p = *pp;
    do
        p--;
    while ((*p & 0xC0) == 0x80);
    *pp = p;
    const unsigned char *q = p;
    return ou_utf8_next(&q);
}
/* Bytes of the UTF-8 (generalized: surrogates allowed) encoding of cp <= 0x10FFFF. */
static inline int ou_utf8_width(uint32_t cp)
{
    return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}
/* Writes cp's encoding at p; returns the bytes written (1..4). */
static inline int ou_utf8_put(char *p, uint32_t cp)
{
    unsigned char *u = (unsigned char *)p;
    if (cp < 0x80) {
        u[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        u[0] = (unsigned char)(0xC0 | (cp >> 6));
        u[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        u[0] = (unsigned char)(0xE0 | (cp >> 12));
        u[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        u[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    u[0] = (unsigned char)(0xF0 | (cp >> 18));
    u[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    u[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    u[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Validates UTF-8 (CPython's strict decoder: no surrogates, no overlongs). Returns -1 when
 * valid, else sets *end_out to the end of the invalid sequence, *why to the reason
 * ("invalid start byte", ...) and returns the offset of its start. Never fails. */
ouro_ssize ou_utf8_check(const char *s, size_t n, size_t *end_out, const char **why);
/* As ou_utf8_check; with surrogates, encoded lone surrogates (ED A0..BF xx) are accepted. */
ouro_ssize ou_utf8_check_ex(const char *s, size_t n, bool surrogates, size_t *end_out,
                            const char **why);
/* Raises UnicodeDecodeError with CPython's message for the error ou_utf8_check found.
 * Returns NULL. */
OuroObject *ou_utf8_decode_error(const char *s, size_t start, size_t end, const char *why);

/* --------------------------------------------------------------------- construction -- */
/* A new str of nbytes uninitialized bytes (NUL-terminated) holding ncp code points whose
 * widest needs CPython kind `kind` (1, 2, 4): the caller fills ou_str_data before the str
 * is used. Not for results that should be singletons (use ou_str_from_valid then).
 * Returns: new reference, or NULL with MemoryError. */
OuroObject *ou_str_alloc(ouro_ssize nbytes, ouro_ssize ncp, int kind);
/* A str holding a copy of p[0..n), which must be valid (internal) UTF-8; returns the
 * shared singletons for "" and 1-character Latin-1 strings.
 * Returns: new reference, or NULL with MemoryError. */
OuroObject *ou_str_from_valid(const char *p, size_t n);
/* As ou_str_from_valid, with the counts known. */
OuroObject *ou_str_from_valid_counted(const char *p, size_t n, ouro_ssize ncp, int kind);
/* The 1-character str for cp (singleton for cp < 256). New reference, or NULL. */
OuroObject *ou_str_from_cp(uint32_t cp);
/* As ouro_str_from_utf8, but accepting encoded lone surrogates (the form str stores them
 * in): for text built from str contents, e.g. by OuStrBuf. New reference, or NULL. */
OuroObject *ou_str_from_utf8_surrogates(const char *s, size_t len);
/* Counts the code points of valid UTF-8 and finds CPython's kind. Never fails. */
ouro_ssize ou_utf8_count(const char *p, size_t n, int *kind);
/* Byte offset of code point index i (0 <= i <= len) in s. Never fails. */
ouro_ssize ou_str_offset_of(OuroObject *s, ouro_ssize i);
/* Code point index of byte offset off (at a character boundary) in s. Never fails. */
ouro_ssize ou_str_index_of(OuroObject *s, ouro_ssize off);
/* strcodecs.c: the codecs of str.encode / bytes.decode / str(b, enc) / bytes(s, enc):
 * UTF-8, Latin-1, ASCII (and aliases) with the "strict", "ignore" and "replace" handlers.
 * encoding and errors are str objects or NULL (the defaults: utf-8, strict). */
enum { OU_CODEC_UTF8 = 0, OU_CODEC_LATIN1 = 1, OU_CODEC_ASCII = 2 };
/* Type checks of the encoding/errors arguments of fname(): 0, or -1 with TypeError
 * "encode() argument 'encoding' must be str, not int". */
int ou_codec_args(const char *fname, OuroObject *encoding, OuroObject *errors);
/* Decodes p[0..n). Returns: new str, or NULL with LookupError "unknown encoding: x",
 * UnicodeDecodeError, or MemoryError. Empty input gives "" without a codec lookup. */
OuroObject *ou_str_decode(const char *p, size_t n, OuroObject *encoding, OuroObject *errors);
/* Encodes s. Returns: new bytes, or NULL with LookupError, UnicodeEncodeError, or
 * MemoryError. */
OuroObject *ou_str_encode(OuroObject *s, OuroObject *encoding, OuroObject *errors);
/* A new exact str equal to s (for str subclasses), or s itself with a new reference. */
OuroObject *ou_str_exact(OuroObject *s);

/* strpercent.c: str % args and bytes % args (printf-style). Returns: new str/bytes,
 * NotImplemented (new reference) when the left operand is not a str/bytes, or NULL with
 * an exception set. */
OuroObject *ou_str_mod(OuroObject *a, OuroObject *b);
OuroObject *ou_bytes_mod(OuroObject *a, OuroObject *b);
/* strtranslate.c: str.maketrans (static method, FASTCALL) and str.translate (METH_O).
 * Return: new dict / str, or NULL with an exception set. */
OuroObject *ou_str_maketrans(OuroObject *unused, OuroObject *const *args, ouro_ssize nargs);
OuroObject *ou_str_translate(OuroObject *self, OuroObject *table);
/* strformatmethod.c: str.format_map(mapping) (METH_O): str.format with the names
 * looked up in mapping. New str, or NULL with an exception set. */
OuroObject *ou_str_format_map(OuroObject *self, OuroObject *mapping);

/* ------------------------------------------------------------------------- hashing -- */
/* Hash of CPython's canonical representation of the str (Latin-1 / UCS-2 / UCS-4). */
ouro_hash ou_str_compute_hash(OuroObject *s);
/* The process key for a numeric seed, as CPython derives it (tests restore with it):
 * seed 0 gives the zero key. */
void ou_hash_set_secret_for_seed(uint32_t seed);
/* Re-reads OURO_HASHSEED / PYTHONHASHSEED (or draws a random key): test helper. */
void ou_hash_reset_secret(void);

/* -------------------------------------------------------- stringlib.c: arguments -- */
/* Argument Clinic's positional count check: "center expected at least 1 argument, got 0".
 * 0, or -1 with TypeError. */
int ou_arg_clinic_count(const char *name, ouro_ssize nargs, ouro_ssize min, ouro_ssize max);
/* PyArg_ParseTuple's: "find() takes at least 1 argument (0 given)". 0 / -1. */
int ou_arg_tuple_count(const char *name, ouro_ssize nargs, ouro_ssize min, ouro_ssize max);
/* Vector-call arguments of a method whose nparams parameters may all be given by position
 * or by name (kwlist): fills out[0..nparams) with borrowed objects or NULL for absent ones.
 * 0, or -1 with CPython's TypeError. */
int ou_arg_parse_kw(const char *name, OuroObject *const *args, ouro_ssize nargs,
                    OuroObject *kwnames, const char *const *kwlist, ouro_ssize nparams,
                    OuroObject **out);
/* An index-like argument as a C size (operator.index, then OverflowError if too large).
 * 0 / -1. */
int ou_arg_ssize(OuroObject *o, ouro_ssize *out);
/* The tabsize=8 argument of str/bytes/bytearray.expandtabs. 0, or -1 with an exception. */
int ou_arg_tabsize(OuroObject *const *args, ouro_ssize nargs, OuroObject *kwnames,
                   ouro_ssize *tabsize);
/* A start/end argument of find() and friends: None (or NULL) leaves *out alone; integers
 * are clamped. 0, or -1 with TypeError "slice indices must be integers or None or have an
 * __index__ method". */
int ou_arg_slice_index(OuroObject *o, ouro_ssize *out);
/* Resolves start/end against len as CPython's ADJUST_INDICES (negative from the end). */
void ou_adjust_indices(ouro_ssize *start, ouro_ssize *end, ouro_ssize len);
/* find(sub[, start[, end]]) argument count and the start/end (defaults 0, INT64_MAX). */
int ou_arg_find_range(const char *name, OuroObject *const *args, ouro_ssize nargs,
                      ouro_ssize *start, ouro_ssize *end);

/* ------------------------------------------------------- stringlib.c: searching -- */
/* First / last byte offset of n[0..nn) in h[0..hn), or -1. An empty needle is found at 0
 * (find) or hn (rfind). Never fail. */
ouro_ssize ou_sl_find(const char *h, ouro_ssize hn, const char *n, ouro_ssize nn);
ouro_ssize ou_sl_rfind(const char *h, ouro_ssize hn, const char *n, ouro_ssize nn);
/* Non-overlapping occurrences of a non-empty needle, at most maxcount. Never fails. */
ouro_ssize ou_sl_count(const char *h, ouro_ssize hn, const char *n, ouro_ssize nn,
                       ouro_ssize maxcount);

/* The items of a list or tuple as a borrowed array, *seq holding a new reference to the
 * sequence; other iterables are made a list first (TypeError msg when o is not iterable).
 * 0, or -1 with an exception. */
int ou_sl_fast_sequence(OuroObject *o, const char *msg, OuroObject **seq, OuroObject ***items,
                        ouro_ssize *n);
/* Appends item (a new reference, consumed; NULL means an error already set) to a list.
 * 0, or -1 with an exception. */
int ou_sl_append_steal(OuroObject *list, OuroObject *item);
/* s.split(sep, maxcount) / rsplit on the bytes s[0..n) with a non-empty separator: a new
 * list of make(part) objects; when nothing splits and exact, the list holds self itself.
 * Returns: new reference, or NULL with an exception. */
OuroObject *ou_sl_split_sep(OuroObject *self, const char *s, ouro_ssize n, const char *sep,
                            ouro_ssize sepn, ouro_ssize maxcount, bool reverse, bool exact,
                            OuroObject *(*make)(const char *, ouro_ssize));

/* ----------------------------------------------------------------------- methods -- */
extern const OuroMethodDef ou_str_methods[];
extern const OuroMethodDef ou_bytes_methods[];

/* --------------------------------------------------------------------------- bytes -- */
typedef struct OuroBytes {
    OuroObject ob_base;
    ouro_hash hash;      /* -1 until computed */
    ouro_ssize size;     /* bytes, without the trailing NUL */
    char data[];         /* size bytes, then a NUL */
} OuroBytes;
#define OU_BYTES_HEADER ((size_t)offsetof(OuroBytes, data))
static inline char *ou_bytes_data(OuroObject *b) { return ((OuroBytes *)b)->data; }
static inline ouro_ssize ou_bytes_size(const OuroObject *b) { return ((const OuroBytes *)b)->size; }
/* A new bytes of n uninitialized bytes (NUL-terminated). New reference, or NULL. */
OuroObject *ou_bytes_alloc(ouro_ssize n);
/* An int argument that must be a byte value: 0..255, or -1 with ValueError "byte must be in
 * range(0, 256)" (or the conversion's TypeError). */
int ou_bytes_byte_arg(OuroObject *o);
/* The text of repr(bytes) for the data p[0..n): b'...' with CPython's quoting and
 * escapes. New str, or NULL with MemoryError. */
OuroObject *ou_bytes_repr_data(const char *p, ouro_ssize n);
/* Three-way comparison of two bytes-like objects as a rich comparison result (op as
 * tp_richcompare); NotImplemented when either is not bytes-like. New reference. */
OuroObject *ou_bytes_richcompare(OuroObject *a, OuroObject *b, int op);
/* x in b for a bytes-like b: x an int byte or a bytes-like. 1, 0, or -1 with an
 * exception (the sq_contains of bytes and bytearray). */
int ou_bytes_contains(OuroObject *b, OuroObject *x);
/* iter(b) for a bytes-like b (tp_iter of bytes and bytearray). New reference, or NULL. */
OuroObject *ou_bytes_iter(OuroObject *b);
/* hex([sep[, bytes_per_sep]]) of bytes, bytearray and contiguous memoryviews (self):
 * a new str, or NULL with CPython's exception (bytesmethods.c). */
OuroObject *ou_bytes_hex(OuroObject *self, OuroObject *const *args, ouro_ssize nargs,
                         OuroObject *kwnames);
/* The (source, encoding, errors) arguments of bytes() and bytearray() (fname: the name
 * in messages): borrowed objects or NULL in argv. 0, or -1 with CPython's TypeError. */
int ou_bytes_parse_new_args(const char *fname, OuroObject *args, OuroObject *kwargs,
                            OuroObject *argv[3]);

/* ----------------------------------------------------------------------- bytearray --
 * A bytearray keeps its bytes out of line, in a block of the runtime allocator that is
 * over-allocated on growth (amortized O(1) append, CPython's growth policy so that
 * __alloc__ and the sizes match):
 *   size <= alloc - 1 when alloc > 0 (room for a NUL after the data); data == NULL and
 *   alloc == 0 for a bytearray that never held anything or was emptied by a shrink.
 * It holds no references: not a GC type. Code of bytearrayobject.c. */
typedef struct OuroByteArray {
    OuroObject ob_base;
    ouro_ssize size;     /* bytes in use */
    ouro_ssize alloc;    /* bytes of the data block (0: no block) */
    char *data;          /* size bytes, then a NUL; NULL when alloc == 0 */
    ouro_ssize exports;  /* live buffer exports (memoryviews): while > 0 the size may not
                            change, so data never moves under a view */
} OuroByteArray;
/* One shared NUL byte: the data of every bytearray without a block (never written). */
extern char ou_bytearray_nul[1];
static inline char *ou_bytearray_data(OuroObject *b)
{
    char *d = ((OuroByteArray *)b)->data;
    return d ? d : ou_bytearray_nul;
}
static inline ouro_ssize ou_bytearray_size(const OuroObject *b)
{ return ((const OuroByteArray *)b)->size; }
/* A new exact bytearray of n uninitialized bytes. New reference, or NULL. */
OuroObject *ou_bytearray_alloc(ouro_ssize n);

/* ------------------------------------------------------------ buffer exports --
 * ouro's internal buffer protocol (CPython's Py_buffer, reduced to what bytes-likes of
 * one byte per item need). ou_buffer_get exports the memory of a bytes or bytearray:
 * a bytearray counts the export and refuses to change size until it is released
 * (BufferError "Existing exports of data: object cannot be re-sized"), so the pointer
 * stays valid for the whole export. Code in memoryviewobject.c. */
typedef struct OuBuffer {
    OuroObject *obj;     /* the exporter (a new reference), NULL once released */
    char *data;
    ouro_ssize len;
    bool readonly;
} OuBuffer;
/* Exports o (bytes or bytearray, subclasses too) into *view. 0, or -1 with TypeError
 * "memoryview: a bytes-like object is required, not 'int'" (nothing held). */
int ou_buffer_get(OuroObject *o, OuBuffer *view);
/* Ends an export (drops the count and the reference); a released view is left alone.
 * Never fails. */
void ou_buffer_release(OuBuffer *view);
/* 0 when b's size may change now, or -1 with the BufferError above (b: a bytearray). */
int ou_bytearray_check_resizable(OuroObject *b);

/* A memoryview: a view of a buffer export, items of one byte at data + i * step for
 * 0 <= i < len (step may be negative: views of views are re-sliced, never copied).
 * It is a GC type as CPython's (a bytearray subclass instance can hold a view of itself).
 * Released (or cleared by the collector): buf.obj == NULL, every operation but release,
 * repr, == and a cached hash raises ValueError. Code in memoryviewobject.c. */
typedef struct OuMemoryView {
    OuroObject ob_base;
    OuBuffer buf;        /* the export the view holds (one per view) */
    char *start;         /* item 0 */
    ouro_ssize len;      /* items (shape[0]) */
    ouro_ssize step;     /* bytes from one item to the next (strides[0]) */
    ouro_hash hash;      /* -1 until computed (kept after release, as CPython) */
    char format[3];      /* "B", "b", "c", optionally after '@' (as given to cast) */
} OuMemoryView;
static inline bool ou_memoryview_check(const OuroObject *o)
{ return OURO_TYPE(o) == &ou_memoryview_type; }
/* A view usable as one run of bytes (CPython's PyBUF_SIMPLE): not released and
 * C-contiguous (step 1, or a single item). */
static inline bool ou_memoryview_simple(const OuroObject *o)
{
    const OuMemoryView *m = (const OuMemoryView *)o;
    return m->buf.obj && (m->step == 1 || m->len == 1);
}
/* bytes(m): a copy of the items of a view in order. New bytes, or NULL with ValueError
 * for a released view. */
OuroObject *ou_memoryview_tobytes(OuroObject *m);

/* ------------------------------------------------------------------- bytes-like --
 * What CPython calls a bytes-like object, as far as ouro has them: bytes, bytearray
 * (with their subclasses) and memoryviews that are one contiguous run (see above; the
 * others are refused with ou_bl_view_error's message, or by the caller's TypeError as
 * where CPython reports a missing buffer). The data pointer of a bytearray is valid only
 * until Python code runs (which may resize it): take it after the arguments are
 * converted. */
static inline bool ou_bl_check(const OuroObject *o)
{
    return ouro_bytes_check(o) || ouro_bytearray_check(o) ||
           (ou_memoryview_check(o) && ou_memoryview_simple(o));
}
/* For self only (a bytes or a bytearray): whether results should be bytearrays. */
static inline bool ou_bl_is_bytearray(const OuroObject *o)
{ return !ouro_bytes_check(o); }
static inline char *ou_bl_data(OuroObject *o)
{
    if (ouro_bytes_check(o))
        return ou_bytes_data(o);
    if (ou_memoryview_check(o))
        return ((OuMemoryView *)o)->start;
    return ou_bytearray_data(o);
}
static inline ouro_ssize ou_bl_size(const OuroObject *o)
{
    if (ouro_bytes_check(o))
        return ou_bytes_size(o);
    if (ou_memoryview_check(o))
        return ((const OuMemoryView *)o)->len;
    return ou_bytearray_size(o);
}
/* For an argument that ou_bl_check refused: when it is a released memoryview, raises
 * ValueError "operation forbidden on released memoryview object", when a non-contiguous
 * one, BufferError "memoryview: underlying buffer is not C-contiguous", and returns
 * true; false otherwise (nothing set: the caller raises its TypeError). */
bool ou_bl_view_error(OuroObject *o);
/* bytearray methods that bytesmethods.c puts in bytearray's method table beside the
 * shared ones (bytearrayobject.c). Each returns its result as a new reference (None for
 * the mutators), or NULL with CPython's exception; none steals. */
extern const OuroMethodDef ou_bytearray_methods[];
OuroObject *ou_bytearray_append(OuroObject *self, OuroObject *arg);
OuroObject *ou_bytearray_extend(OuroObject *self, OuroObject *arg);
OuroObject *ou_bytearray_insert(OuroObject *self, OuroObject *const *args, ouro_ssize nargs);
OuroObject *ou_bytearray_pop(OuroObject *self, OuroObject *const *args, ouro_ssize nargs);
OuroObject *ou_bytearray_remove(OuroObject *self, OuroObject *arg);
OuroObject *ou_bytearray_clear(OuroObject *self, OuroObject *unused);
OuroObject *ou_bytearray_copy(OuroObject *self, OuroObject *unused);
OuroObject *ou_bytearray_reverse(OuroObject *self, OuroObject *unused);
OuroObject *ou_bytearray_alloc_method(OuroObject *self, OuroObject *unused);
OuroObject *ou_bytearray_sizeof(OuroObject *self, OuroObject *unused);

/* ------------------------------------------------------------------ unicode tables -- *
 * Character properties of Unicode 14.0 (CPython 3.11's unicodedata), from unicodetab.c,
 * generated by tools/gen_unicodetab.py. */
bool ou_uc_isprintable(uint32_t c);
bool ou_uc_isspace(uint32_t c);
bool ou_uc_isalpha(uint32_t c);
bool ou_uc_isdecimal(uint32_t c);
bool ou_uc_isdigit(uint32_t c);
bool ou_uc_isnumeric(uint32_t c);
bool ou_uc_islower(uint32_t c);
bool ou_uc_isupper(uint32_t c);
bool ou_uc_istitle(uint32_t c);
bool ou_uc_iscased(uint32_t c);
bool ou_uc_iscaseignorable(uint32_t c);
bool ou_uc_isxidstart(uint32_t c);
bool ou_uc_isxidcontinue(uint32_t c);
/* The value 0..9 of a decimal digit (any script), or -1. */
int ou_uc_decimal_value(uint32_t c);
/* Full case mappings (SpecialCasing included): writes 1..3 code points to out and
 * returns their number. */
int ou_uc_tolower(uint32_t c, uint32_t out[3]);
int ou_uc_toupper(uint32_t c, uint32_t out[3]);
int ou_uc_totitle(uint32_t c, uint32_t out[3]);
int ou_uc_casefold(uint32_t c, uint32_t out[3]);

#endif
