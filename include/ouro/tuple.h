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
 * used; the empty tuple is a shared immortal. New reference or NULL. */
OURO_API OuroObject *ouro_tuple_new(ouro_ssize n);
/* New tuple of the n given objects (each INCREF'd). */
OURO_API OuroObject *ouro_tuple_pack(ouro_ssize n, ...);
OURO_API OuroObject *ouro_tuple_from_array(OuroObject *const *items, ouro_ssize n);
/* Borrowed item with IndexError "tuple index out of range". */
OURO_API OuroObject *ouro_tuple_get_item(OuroObject *t, ouro_ssize i);
OURO_API ouro_ssize ouro_tuple_size(OuroObject *t);
/* t[lo:hi] (clamped). New reference. */
OURO_API OuroObject *ouro_tuple_get_slice(OuroObject *t, ouro_ssize lo, ouro_ssize hi);

#endif
