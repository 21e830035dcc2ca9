/* include/ouro/set.h — set and frozenset. Part of ouro.h. */
#ifndef OURO_SET_H
#define OURO_SET_H

OURO_API extern OuroType ouro_set_type;
OURO_API extern OuroType ouro_frozenset_type;
static inline bool ouro_anyset_check(const OuroObject *o)
{ return ouro_object_type_check(o, &ouro_set_type) || ouro_object_type_check(o, &ouro_frozenset_type); }
static inline bool ouro_frozenset_check(const OuroObject *o) { return ouro_object_type_check(o, &ouro_frozenset_type); }

/* set(iterable) / frozenset(iterable); iterable may be NULL (empty); a frozenset given to
 * ouro_frozenset_new is returned as is. New reference, or NULL with an exception. */
OURO_API OuroObject *ouro_set_new(OuroObject *iterable);
OURO_API OuroObject *ouro_frozenset_new(OuroObject *iterable);
/* s.add(key) (borrowed key; s may be a frozenset being filled). 0 / -1 (unhashable:
 * TypeError "unhashable type: 'list'"). */
OURO_API int ouro_set_add(OuroObject *s, OuroObject *key);
/* s.discard(key): 1 if removed, 0 if absent, -1 on error. */
OURO_API int ouro_set_discard(OuroObject *s, OuroObject *key);
/* key in s: 1 / 0 / -1. */
OURO_API int ouro_set_contains(OuroObject *s, OuroObject *key);
/* len(s). Never fails for a set or frozenset. */
OURO_API ouro_ssize ouro_set_size(OuroObject *s);
/* s.clear() (a set). 0, or -1 with SystemError for anything else. */
OURO_API int ouro_set_clear(OuroObject *s);
/* Removes and returns an arbitrary element (new reference); KeyError "pop from an empty
 * set". */
OURO_API OuroObject *ouro_set_pop(OuroObject *s);
/* Iteration: *pos = 0 first; 1 with a borrowed *key and its *hash (may be NULL), or 0. */
OURO_API int ouro_set_next(OuroObject *s, ouro_ssize *pos, OuroObject **key, ouro_hash *hash);

#endif
