/* src/objects/instvalues.h — shared-key instance attributes (PEP 412, CPython 3.11's
 * "split values"): a class keeps the attribute names its instances use (ht_keys), each
 * instance a values array indexed like them, tagged (low bit 1) in its __dict__ word.
 * The dict object is made only when something asks for it (obj.__dict__, vars(), an
 * unusual attribute). Narrative: docs/internals/object-layout.md, "Instance dicts". */
#ifndef OU_INSTVALUES_H
#define OU_INSTVALUES_H

#include "objects/objects.h"

/* At most this many names are shared per class (CPython's SHARED_KEYS_MAX_SIZE). */
#define OU_SHARED_KEYS_MAX 30

/* An instance's values: v_items[i] is the value of the class's key i, or NULL. Items
 * are in insertion order by index: every index set was above all those set before it
 * (an out-of-order insertion turns the instance's values into a real dict). */
typedef struct OuValues {
    uint32_t v_cap;            /* entries in v_items */
    uint32_t v_hi;             /* 1 + the highest index ever set */
    OuroObject *v_items[];     /* owned */
} OuValues;

/* The values of a __dict__ word, or NULL when it holds a dict or nothing. */
static inline OuValues *ou_values_of(OuroObject *word)
{
    uintptr_t w = (uintptr_t)word;
    return (w & 1) ? (OuValues *)(w - 1) : NULL;
}

/* The address of o's __dict__ word without making a dict of shared-key values (the word
 * may hold values), or NULL when o's type has no __dict__. Never fails. (typeattr.c) */
OuroObject **ou_object_dict_slot(OuroObject *o);

struct OuHeapType;
/* The value of attribute name (a str) in v, for an instance of t. Borrowed, or NULL
 * (absent); never fails, never sets an exception. */
OuroObject *ou_values_get(OuroType *t, OuValues *v, OuroObject *name);
/* The index of name (a str) in class t's shared keys, or -1. Never fails. */
int ou_values_key_index(OuroType *t, OuroObject *name);
/* Sets (value) or deletes (NULL) attribute name of o whose __dict__ word is *slot (NULL
 * or values); a dict is made when the values cannot hold it. 0; 1 when deleting an
 * absent name (nothing set); -1 with an exception. */
int ou_values_setattr(OuroObject *o, OuroObject **slot, OuroObject *name, OuroObject *value);
/* Turns the values in *slot into a real dict in place (no-op for a dict or NULL).
 * Returns: borrowed dict (NULL if *slot was NULL), or NULL with an exception. */
OuroObject *ou_values_materialize(OuroObject *o, OuroObject **slot);
/* Drops the values (or dict) in *slot, leaving NULL. Never fails. */
void ou_values_clear(OuroObject **slot);
/* Visits the values (or dict) in the word. */
int ou_values_traverse(OuroObject *word, ouro_visitproc visit, void *arg);
/* Bytes of the values block in word (0 for a dict or NULL). Never fails. */
size_t ou_values_sizeof(OuroObject *word);
/* Frees class t's shared keys (class teardown). Never fails. */
void ou_values_keys_free(struct OuHeapType *ht);

#endif
