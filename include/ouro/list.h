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

/* New list of n slots set to NULL (fill with OURO_LIST_SET before use). */
OURO_API OuroObject *ouro_list_new(ouro_ssize n);
OURO_API ouro_ssize ouro_list_size(OuroObject *l);
/* Borrowed item; IndexError "list index out of range". */
OURO_API OuroObject *ouro_list_get_item(OuroObject *l, ouro_ssize i);
/* Replaces item i; steals v even on failure. 0 / -1. */
OURO_API int ouro_list_set_item(OuroObject *l, ouro_ssize i, OuroObject *v);
/* Appends v (borrowed: the list takes its own reference). 0 / -1. */
OURO_API int ouro_list_append(OuroObject *l, OuroObject *v);
OURO_API int ouro_list_insert(OuroObject *l, ouro_ssize i, OuroObject *v);
/* l[lo:hi] as a new list. */
OURO_API OuroObject *ouro_list_get_slice(OuroObject *l, ouro_ssize lo, ouro_ssize hi);
/* l[lo:hi] = v (v a sequence, or NULL to delete). 0 / -1. */
OURO_API int ouro_list_set_slice(OuroObject *l, ouro_ssize lo, ouro_ssize hi, OuroObject *v);
/* list.extend(iterable). 0 / -1. */
OURO_API int ouro_list_extend(OuroObject *l, OuroObject *iterable);
/* Removes and returns item i (new reference); IndexError "pop from empty list" /
 * "pop index out of range". */
OURO_API OuroObject *ouro_list_pop(OuroObject *l, ouro_ssize i);
OURO_API int ouro_list_sort(OuroObject *l);     /* stable sort by `<`; 0 / -1 */
OURO_API int ouro_list_reverse(OuroObject *l);
/* tuple(l). New reference. */
OURO_API OuroObject *ouro_list_as_tuple(OuroObject *l);
/* list(iterable). New reference. */
OURO_API OuroObject *ouro_sequence_list(OuroObject *iterable);
/* tuple(iterable). New reference. */
OURO_API OuroObject *ouro_sequence_tuple(OuroObject *iterable);

#endif
