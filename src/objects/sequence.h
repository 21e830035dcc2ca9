/* src/objects/sequence.h — helpers shared by the sequence types (tuple, list, range, slice):
 * slice-index conversion, length hints, "fast sequence" views and the sort kernel.
 * Internal to the objects layer. Design notes: docs/internals/objects.md (sequences). */
#ifndef OU_SEQUENCE_H
#define OU_SEQUENCE_H

#include "objects.h"

/* True if o's type has __index__ (CPython's PyIndex_Check). Never fails. */
static inline bool ou_index_check(const OuroObject *o)
{
    const OuroNumberMethods *nb = OURO_TYPE(o)->tp_as_number;
    return nb && nb->nb_index;
}

/* ---------------------------------------------------------------- sliceobject.c -- */

/* A slice bound or step as a C index, clamped to [OURO_SSIZE_MIN, OURO_SSIZE_MAX] (as
 * CPython's _PyEval_SliceIndex). None leaves *out untouched. 0, or -1 with TypeError
 * "slice indices must be integers or None or have an __index__ method". */
int ou_slice_index(OuroObject *v, ouro_ssize *out);
/* As ou_slice_index, but None is an error too ("slice indices must be integers or have an
 * __index__ method"): the start/stop arguments of index() methods. */
int ou_slice_index_not_none(OuroObject *v, ouro_ssize *out);
/* Step one of ouro_slice_unpack_indices (PySlice_Unpack): the slice's parts as C indices
 * with None resolved for the step's direction, not yet adjusted to a length. 0 / -1. */
int ou_slice_unpack(OuroObject *slice, ouro_ssize *start, ouro_ssize *stop, ouro_ssize *step);
/* Step two (PySlice_AdjustIndices): clamps start/stop to a sequence of the given length
 * and returns the number of items selected. Never fails. */
ouro_ssize ou_slice_adjust_indices(ouro_ssize length, ouro_ssize *start, ouro_ssize *stop,
                                   ouro_ssize step);
/* slice.indices() on arbitrary ints: new references to start, stop and step for a length
 * that is a non-negative int object. 0, or -1 with an exception (nothing returned). */
int ou_slice_long_indices(OuroObject *slice, OuroObject *length, OuroObject **start,
                          OuroObject **stop, OuroObject **step);

#define OURO_SSIZE_MAX INT64_MAX
#define OURO_SSIZE_MIN INT64_MIN

/* ---------------------------------------------------------------- tupleobject.c -- */

/* Items a tuple_iterator has left (its __length_hint__). Never fails. */
ouro_ssize ou_tupleiter_length_hint(OuroObject *it);

/* ----------------------------------------------------------------- listobject.c -- */

/* A list or tuple with o's items (CPython's PySequence_Fast): a new reference to o itself
 * when it is an exact list or tuple, else a new list built by iterating o. A TypeError
 * from iter(o) is replaced by TypeError(msg). NULL with an exception on failure. */
OuroObject *ou_sequence_fast(OuroObject *o, const char *msg);
/* The items and size of a result of ou_sequence_fast (borrowed array). */
static inline OuroObject **ou_sequence_fast_items(OuroObject *o)
{
    return ouro_list_check(o) ? ((OuroList *)o)->ob_item : OURO_TUPLE_ITEMS(o);
}
static inline ouro_ssize ou_sequence_fast_size(OuroObject *o)
{
    return ouro_list_check(o) ? OURO_LIST_SIZE(o) : OURO_TUPLE_SIZE(o);
}
/* An estimate of len(o) (operator.length_hint): len(o) if o has a length, else
 * o.__length_hint__() if defined, else dflt. -1 with an exception on error. */
ouro_ssize ou_object_length_hint(OuroObject *o, ouro_ssize dflt);
/* Adds n references to o at once (n >= 0); saturates into immortality as INCREF does. */
void ou_incref_n(OuroObject *o, ouro_ssize n);

/* ------------------------------------------------------------- listiterobject.c -- */

/* iter(l) and reversed(l) (list.__reversed__) for a list l. New reference, or NULL. */
OuroObject *ou_list_iter(OuroObject *l);
OuroObject *ou_list_reversed(OuroObject *l, OuroObject *unused);
/* Items a list_iterator / list_reverseiterator has left. Never fail. */
ouro_ssize ou_listiter_length_hint(OuroObject *it);
ouro_ssize ou_listreviter_length_hint(OuroObject *it);

/* ---------------------------------------------------------------- rangeobject.c -- */

/* Items a range_iterator / longrange_iterator has left; -1 with an exception (a
 * longrange_iterator's count may not fit). */
ouro_ssize ou_rangeiter_length_hint(OuroObject *it);

/* ------------------------------------------------------------------- listsort.c -- */

/* Stable sort (timsort) of keys[0..n) by `<`, moving values[0..n) along with the keys
 * when values is not NULL. Runs arbitrary comparison code: the arrays must not be
 * reachable from Python while this runs. 0, or -1 with an exception (the arrays then
 * hold a permutation of their items: nothing is lost or duplicated). */
int ou_list_sort_items(OuroObject **keys, OuroObject **values, ouro_ssize n);

#endif
