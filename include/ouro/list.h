/* include/ouro/list.h — list: mutable sequences over a separately allocated item array.
 * Part of ouro.h. */
#ifndef OURO_LIST_H
#define OURO_LIST_H

OURO_API extern OuroType ouro_list_type;
typedef struct OuroList {
    OuroObject ob_base;
    ouro_ssize ob_size;       /* items in use */
    OuroObject **ob_item;     /* ob_item[0..allocated) */
    ouro_ssize allocated;
} OuroList;

static inline bool ouro_list_check(const OuroObject *o)
{ return (OURO_TYPE(o)->tp_flags & OURO_TPFLAG_LIST_SUBCLASS) != 0; }
static inline bool ouro_list_check_exact(const OuroObject *o) { return OURO_TYPE(o) == &ouro_list_type; }
#define OURO_LIST_SIZE(l) (((OuroList *)(l))->ob_size)
#define OURO_LIST_GET(l, i) (((OuroList *)(l))->ob_item[i])   /* borrowed, no checks */
#define OURO_LIST_SET(l, i, v) (((OuroList *)(l))->ob_item[i] = (OuroObject *)(v)) /* steals v */

/* New list of n slots set to NULL (fill with OURO_LIST_SET before use), GC-tracked already
 * (traverse skips NULL slots); room for exactly n items.
 * Returns: new reference, or NULL with an exception set. */
OURO_API OuroObject *ouro_list_new(ouro_ssize n);
/* len(l), or -1 with SystemError if l is not a list. */
OURO_API ouro_ssize ouro_list_size(OuroObject *l);
/* Returns: borrowed item, or NULL with IndexError "list index out of range" (no negative
 * indexing). */
OURO_API OuroObject *ouro_list_get_item(OuroObject *l, ouro_ssize i);
/* Replaces item i (the old one is released after the store). Steals: v, even on failure.
 * 0, or -1 with IndexError "list assignment index out of range". */
OURO_API int ouro_list_set_item(OuroObject *l, ouro_ssize i, OuroObject *v);
/* Appends v (borrowed: the list takes its own reference). 0, or -1 with MemoryError. */
OURO_API int ouro_list_append(OuroObject *l, OuroObject *v);
/* list.insert(i, v): v borrowed; i clamped as Python does (negative counts from the end).
 * 0, or -1 with MemoryError. */
OURO_API int ouro_list_insert(OuroObject *l, ouro_ssize i, OuroObject *v);
/* l[lo:hi] (bounds clamped). Returns: new reference, or NULL with an exception set. */
OURO_API OuroObject *ouro_list_get_slice(OuroObject *l, ouro_ssize lo, ouro_ssize hi);
/* l[lo:hi] = v (v any iterable, borrowed; NULL to delete). 0, or -1 with an exception
 * (TypeError "can only assign an iterable"); the list is unchanged on failure. */
OURO_API int ouro_list_set_slice(OuroObject *l, ouro_ssize lo, ouro_ssize hi, OuroObject *v);
/* list.extend(iterable). 0, or -1 with an exception (items appended before an error in
 * the middle of the iteration stay). */
OURO_API int ouro_list_extend(OuroObject *l, OuroObject *iterable);
/* Removes and returns item i, negative counting from the end. Returns: new reference, or
 * NULL with IndexError "pop from empty list" / "pop index out of range". */
OURO_API OuroObject *ouro_list_pop(OuroObject *l, ouro_ssize i);
/* list.sort(): stable (timsort) by `<`. 0, or -1 with an exception (a comparison error:
 * the list then holds its items in some order; ValueError "list modified during sort"). */
OURO_API int ouro_list_sort(OuroObject *l);
/* list.reverse(), in place. 0 (never fails for a list). */
OURO_API int ouro_list_reverse(OuroObject *l);
/* tuple(l). Returns: new reference, or NULL with an exception set. */
OURO_API OuroObject *ouro_list_as_tuple(OuroObject *l);
/* list(iterable). Returns: new reference, or NULL with an exception set. */
OURO_API OuroObject *ouro_sequence_list(OuroObject *iterable);
/* tuple(iterable): an exact tuple is returned as is. Returns: new reference, or NULL with
 * an exception set. */
OURO_API OuroObject *ouro_sequence_tuple(OuroObject *iterable);

#endif
