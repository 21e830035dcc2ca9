/* include/ouro/range.h — range and slice. Part of ouro.h. */
#ifndef OURO_RANGE_H
#define OURO_RANGE_H

OURO_API extern OuroType ouro_range_type;
OURO_API extern OuroType ouro_slice_type;

typedef struct OuroSlice {
    OuroObject ob_base;
    OuroObject *start, *stop, *step; /* never NULL: None when omitted */
} OuroSlice;
static inline bool ouro_slice_check(const OuroObject *o) { return OURO_TYPE(o) == &ouro_slice_type; }

/* range(start, stop, step) from ints (or objects with __index__), all borrowed; start NULL
 * means 0, step NULL means 1. Returns: new reference, or NULL with an exception set
 * (ValueError "range() arg 3 must not be zero", TypeError for non-integers). */
OURO_API OuroObject *ouro_range_new(OuroObject *start, OuroObject *stop, OuroObject *step);
/* slice(start, stop, step); NULL arguments mean None. Borrows its arguments.
 * Returns: new reference, or NULL with MemoryError. */
OURO_API OuroObject *ouro_slice_new(OuroObject *start, OuroObject *stop, OuroObject *step);
/* Resolves a slice for a sequence of the given length, as slice.indices(): fills start,
 * stop, step and returns the number of items selected; -1 with an exception
 * (ValueError "slice step cannot be zero", TypeError for non-integer parts). */
OURO_API ouro_ssize ouro_slice_unpack_indices(OuroObject *slice, ouro_ssize length,
                                              ouro_ssize *start, ouro_ssize *stop,
                                              ouro_ssize *step);

#endif
