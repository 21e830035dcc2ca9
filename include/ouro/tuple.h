/* include/ouro/tuple.h — tuple: fixed-size immutable sequences. Part of ouro.h. */
#ifndef OURO_TUPLE_H
#define OURO_TUPLE_H

OURO_API extern OuroType ouro_tuple_type;
typedef struct OuroTuple {
    OuroObject ob_base;
    ouro_ssize ob_size;
    OuroObject *ob_item[];
} OuroTuple;

static inline bool ouro_tuple_check(const OuroObject *o)
{ return (OURO_TYPE(o)->tp_flags & OURO_TPFLAG_TUPLE_SUBCLASS) != 0; }
static inline bool ouro_tuple_check_exact(const OuroObject *o) { return OURO_TYPE(o) == &ouro_tuple_type; }
static inline ouro_ssize ouro_tuple_size_(const OuroObject *t) { return ((const OuroTuple *)t)->ob_size; }
#define OURO_TUPLE_SIZE(t) ouro_tuple_size_((const OuroObject *)(t))
#define OURO_TUPLE_ITEMS(t) (((OuroTuple *)(t))->ob_item)
/* Borrowed item, no checks. */
#define OURO_TUPLE_GET(t, i) (((OuroTuple *)(t))->ob_item[i])
/* Stores v (stolen) in a freshly made tuple's slot i; the slot must be empty. */
#define OURO_TUPLE_SET(t, i, v) (((OuroTuple *)(t))->ob_item[i] = (OuroObject *)(v))

/* New tuple of n empty (NULL) slots, to be filled with OURO_TUPLE_SET before the tuple is
 * used; it is GC-tracked already (traverse skips NULL slots). The empty tuple is a shared
 * immortal. Returns: new reference, or NULL with an exception set (MemoryError;
 * SystemError for n < 0). */
OURO_API OuroObject *ouro_tuple_new(ouro_ssize n);
/* New tuple of the n given objects (borrowed: each INCREF'd).
 * Returns: new reference, or NULL with an exception set. */
OURO_API OuroObject *ouro_tuple_pack(ouro_ssize n, ...);
/* New tuple of items[0..n) (borrowed). Returns: new reference, or NULL with an exception. */
OURO_API OuroObject *ouro_tuple_from_array(OuroObject *const *items, ouro_ssize n);
/* Returns: borrowed item, or NULL with IndexError "tuple index out of range" (no negative
 * indexing). */
OURO_API OuroObject *ouro_tuple_get_item(OuroObject *t, ouro_ssize i);
/* len(t), or -1 with SystemError if t is not a tuple. */
OURO_API ouro_ssize ouro_tuple_size(OuroObject *t);
/* t[lo:hi], bounds clamped to [0, len]. Returns: new reference (t itself for an exact tuple
 * and the whole range), or NULL with an exception set. */
OURO_API OuroObject *ouro_tuple_get_slice(OuroObject *t, ouro_ssize lo, ouro_ssize hi);

#endif
