/* include/ouro/dict.h — dict: compact, insertion-ordered hash tables. Part of ouro.h. */
#ifndef OURO_DICT_H
#define OURO_DICT_H

OURO_API extern OuroType ouro_dict_type;
static inline bool ouro_dict_check(const OuroObject *o)
{ return (OURO_TYPE(o)->tp_flags & OURO_TPFLAG_DICT_SUBCLASS) != 0; }
static inline bool ouro_dict_check_exact(const OuroObject *o) { return OURO_TYPE(o) == &ouro_dict_type; }

/* A new empty dict (untracked, no table yet). New reference, or NULL with MemoryError. */
OURO_API OuroObject *ouro_dict_new(void);
/* d[key] = value; both borrowed (the dict takes references). 0 / -1 (unhashable key). */
OURO_API int ouro_dict_set_item(OuroObject *d, OuroObject *key, OuroObject *value);
/* d[key] = value with key an interned str made from the UTF-8 C string. 0 / -1. */
OURO_API int ouro_dict_set_item_str(OuroObject *d, const char *key, OuroObject *value);
/* Borrowed value, or NULL with no exception when key is absent, NULL with an exception
 * when hashing or comparing failed. */
OURO_API OuroObject *ouro_dict_get_item_with_error(OuroObject *d, OuroObject *key);
/* As ouro_dict_get_item_with_error for a str key given as a C string (borrowed value). */
OURO_API OuroObject *ouro_dict_get_item_str(OuroObject *d, const char *key);
/* del d[key]: 0, or -1 with KeyError / another exception. */
OURO_API int ouro_dict_del_item(OuroObject *d, OuroObject *key);
/* 1 if key in d, 0 if not, -1 on error. */
OURO_API int ouro_dict_contains(OuroObject *d, OuroObject *key);
/* len(d). Never fails for a dict (-1 with SystemError for anything else). */
OURO_API ouro_ssize ouro_dict_size(OuroObject *d);
/* Empties d; the references are dropped after d is empty. Never fails. */
OURO_API void ouro_dict_clear(OuroObject *d);
/* Iteration in insertion order: start with *pos = 0; returns 1 and sets borrowed *key and
 * *value (either may be NULL to skip), or 0 at the end. The dict must not change size. */
OURO_API int ouro_dict_next(OuroObject *d, ouro_ssize *pos, OuroObject **key, OuroObject **value);
/* A shallow copy, always of type dict. New reference, or NULL with an exception. */
OURO_API OuroObject *ouro_dict_copy(OuroObject *d);
/* d.update(other) for a dict other (or any mapping with keys() and []); override 1
 * replaces existing keys, 0 keeps them, 2 raises KeyError on a duplicate. 0 / -1. */
OURO_API int ouro_dict_merge(OuroObject *d, OuroObject *other, int override);
/* Lists of keys / values / (key, value) tuples. New references. */
OURO_API OuroObject *ouro_dict_keys(OuroObject *d);
OURO_API OuroObject *ouro_dict_values(OuroObject *d);
OURO_API OuroObject *ouro_dict_items(OuroObject *d);
/* d.setdefault(key, default): borrowed result, or NULL with an exception. */
OURO_API OuroObject *ouro_dict_set_default(OuroObject *d, OuroObject *key, OuroObject *deflt);
/* d.pop(key[, deflt]): new reference; KeyError when absent and deflt is NULL. */
OURO_API OuroObject *ouro_dict_pop(OuroObject *d, OuroObject *key, OuroObject *deflt);

#endif
