/* src/objects/typeimpl.h — internals shared by the files of the type machinery:
 * typeobject.c (readying, object, type), typedict.c (type dicts, lookup, the method
 * cache), typeattr.c (generic getattr/setattr, type attributes), typecreate.c (classes),
 * typeslots.c (dunder <-> C slot), descrobject.c, methodobject.c, funcdescr.c,
 * superobject.c, moduleobject.c. Narrative: docs/internals/language.md, "Types". */
#ifndef OU_TYPEIMPL_H
#define OU_TYPEIMPL_H

#include "objects/objects.h"
#include "lang/lang.h" /* the contract this machinery implements (declarations only) */

/* A class: the type object followed by the tables a static type keeps in const storage.
 * tp_as_number/_sequence/_mapping point at these; tp_name points into tp_name_obj. */
typedef struct OuHeapType {
    OuroType ht_type;
    OuroNumberMethods ht_number;
    OuroSequenceMethods ht_sequence;
    OuroMappingMethods ht_mapping;
    OuroObject *ht_qualname;   /* str, owned */
    OuroObject *ht_slots;      /* the __slots__ fields (mangled names) or NULL */
    OuroMemberDef *ht_members; /* their member defs (typelayout.c), ht_nmembers of them */
    ouro_ssize ht_nmembers;
    OuroObject **ht_keys;      /* shared instance-dict keys (instvalues.c), interned */
    uint32_t ht_nkeys;
    uint32_t ht_values_hint;   /* values an instance gets at first (0: not learnt yet) */
    uint8_t ht_values;         /* 1: instances keep shared-key values in the dict word */
    uint8_t ht_values_seen;    /* 1: some instance has had values */
    uint64_t ht_version;       /* method-cache version; changes when the class changes */
    struct OuHeapType *ht_next, *ht_prev; /* OuObjState.heap_types */
} OuHeapType;

#define OU_HT(t) ((OuHeapType *)(t))
static inline bool ou_type_is_heap(const OuroType *t)
{
    return (t->tp_flags & OURO_TPFLAG_HEAPTYPE) != 0;
}

/* Instance layout (typelayout.c, issue 7): sets t's basicsize, dict and weakref
 * offsets and __slots__ fields (member descriptors added to t->tp_dict) from base and
 * the class namespace dict. 0, or -1 with CPython's TypeError/ValueError. */
int ou_layout_init(OuroType *t, OuroType *base, OuroObject *name, OuroObject *dict);
/* Visit / clear the __slots__ fields of o's classes; free t's layout tables. */
int ou_layout_traverse_slots(OuroObject *o, ouro_visitproc visit, void *arg);
void ou_layout_clear_slots(OuroObject *o);
void ou_layout_fini(OuroType *t);

/* ---------------------------------------------------------------- descriptors -- */
/* The kinds of slot a wrapper descriptor exposes: how its arguments are unpacked. */
struct OuSlotDef;
typedef OuroObject *(*ou_wrapperfunc)(OuroObject *self, OuroObject *const *args,
                                      ouro_ssize nargs, OuroObject *kwnames, void *wrapped);

/* method_descriptor, classmethod_descriptor, member_descriptor, getset_descriptor and
 * wrapper_descriptor share this layout. d_type is owned (a class's descriptor keeps it
 * alive; static types are immortal). */
typedef struct OuDescr {
    OuroObject ob_base;
    OuroType *d_type;
    OuroObject *d_name;               /* str */
    union {
        const OuroMethodDef *method;
        const OuroMemberDef *member;
        const OuroGetSetDef *getset;
        const struct OuSlotDef *slot;
    } d;
    void *d_wrapped;                  /* wrapper_descriptor: the type's C slot */
} OuDescr;

extern OuroType ou_method_descr_type, ou_classmethod_descr_type, ou_member_descr_type,
    ou_getset_descr_type, ou_wrapper_descr_type, ou_method_wrapper_type;
extern OuroType ou_property_type, ou_staticmethod_type, ou_classmethod_type,
    ou_super_type, ou_mappingproxy_type;

/* New descriptors for type t (borrowed). New reference, or NULL. */
OuroObject *ou_descr_new_method(OuroType *t, const OuroMethodDef *def);
OuroObject *ou_descr_new_member(OuroType *t, const OuroMemberDef *def);
OuroObject *ou_descr_new_getset(OuroType *t, const OuroGetSetDef *def);
OuroObject *ou_descr_new_wrapper(OuroType *t, const struct OuSlotDef *slot, void *wrapped);
/* staticmethod(callable) / classmethod(callable). New reference, or NULL. */
OuroObject *ou_staticmethod_new(OuroObject *callable);
OuroObject *ou_classmethod_new(OuroObject *callable);
/* A read-only view of a mapping (type.__dict__). New reference, or NULL. */
OuroObject *ou_mappingproxy_new(OuroObject *mapping);

/* Calls a C method through its def with self bound (METH_* conventions). fname is used
 * in messages ("list.append", "len"). New reference, or NULL. */
OuroObject *ou_cfunction_call_def(const OuroMethodDef *def, OuroObject *self,
                                  const char *tname, OuroObject *const *args,
                                  size_t nargs, OuroObject *kwnames);

/* tp_call for types whose calls go through tp_vectorcall (tuple + dict flattened to an
 * array + kwnames). New reference, or NULL. */
OuroObject *ou_call_via_vectorcall(OuroObject *callable, OuroObject *args, OuroObject *kwargs);
/* The reverse: a vectorcall packed into a tuple and a dict for tp_call. */
OuroObject *ou_call_via_vectorcall_tp_call(OuroObject *callable, OuroObject *const *args,
                                           size_t nargs, OuroObject *kwnames);

/* The def and bound self of a builtin_function_or_method (borrowed). */
const OuroMethodDef *ou_cfunction_get_def(OuroObject *f, OuroObject **self);
/* 1 if f is a static type's builtin __new__ (self: that type), else 0. */
int ou_cfunction_is_tp_new(OuroObject *f, OuroObject **self);

/* -------------------------------------------------------------------- slots -- */
/* One dunder <-> C slot correspondence (CPython's slotdefs). */
typedef struct OuSlotDef {
    const char *name;          /* "__add__" */
    uint8_t table;             /* OU_SLOT_TYPE / NUMBER / SEQUENCE / MAPPING */
    uint16_t offset;           /* offset of the function pointer in that table */
    void *slot_fn;             /* the C slot a class gets when it defines the dunder */
    ou_wrapperfunc wrapper;    /* calls the C slot from Python (wrapper_descriptor) */
    const char *doc;
} OuSlotDef;
enum { OU_SLOT_TYPE, OU_SLOT_NUMBER, OU_SLOT_SEQUENCE, OU_SLOT_MAPPING };

/* The slot table, ending with a NULL name. */
extern const OuSlotDef ou_slotdefs[];
/* The C function stored in t for slot s, or NULL. */
void *ou_slot_get(const OuroType *t, const OuSlotDef *s);
/* Releases the slot functions' per-runtime name table (by ou_types_fini). */
void ou_slots_fini(OuObjState *st);
/* Adds the wrapper descriptors for t's C slots to dict (static types). 0 or -1. */
int ou_slots_add_wrappers(OuroType *t, OuroObject *dict);
/* Points t's slots at the slot_* functions for the dunders its dict defines (classes),
 * and recomputes them all after a change; name: the dunder assigned (NULL: all). 0/-1. */
int ou_slots_update(OuroType *t, OuroObject *name);

/* The __init__ slot of classes, and the same call without a tuple (self.__init__(*args)
 * through vectorcall). 0 or -1. */
int ou_slot_tp_init(OuroObject *self, OuroObject *args, OuroObject *kwargs);
int ou_slot_init_vectorcall(OuroObject *self, OuroObject *const *args, size_t nargs,
                            OuroObject *kwnames);
/* Calling a type without building a tuple (type's tp_vectorcall). */
OuroObject *ou_type_vectorcall(OuroObject *callable, OuroObject *const *args, size_t nargs,
                               OuroObject *kwnames);

/* -------------------------------------------------------------- type helpers -- */
/* The MRO as a tuple: tp_mro for classes, built from the tp_base chain for static types
 * (new reference), or NULL with MemoryError. */
OuroObject *ou_type_mro_tuple(OuroType *t);
/* A fresh method-cache version for a class that was created or changed. */
uint64_t ou_type_new_version(void);
/* Looks name (a str) up on type(o) and binds it to o as an attribute access would; for
 * calling dunders from slots. *found = 0 (NULL, no exception) when absent. */
OuroObject *ou_lookup_bound(OuroObject *o, OuroObject *name, int *found);
/* Calls o.name(*args) (fewer than 4 args); name must be a string literal (static
 * storage: its address keys a cache). New reference; NULL with *found = 0 and no
 * exception when the type has no such attribute. */
OuroObject *ou_call_method(OuroObject *o, const char *name, OuroObject *const *args,
                           size_t nargs, int *found);
/* The generic getattr with a flag: suppress = 1 returns NULL without an exception when the
 * attribute is missing. */
OuroObject *ou_generic_getattr_ex(OuroObject *o, OuroObject *name, OuroObject *dict,
                                  int suppress);
/* The address of o's __dict__ pointer, or NULL when its type has none. */
OuroObject **ou_object_dict_ptr(OuroObject *o);
/* The `__dict__` getset of classes (instance dicts), shared by all classes. */
extern const OuroGetSetDef ou_subtype_getsets[];
/* type's own getsets and methods (typeattr.c) and object's (typeattr.c). */
extern const OuroGetSetDef ou_type_getsets[];
extern const OuroMethodDef ou_type_methods[];
extern const OuroMethodDef ou_object_methods[];
extern const OuroGetSetDef ou_object_getsets[];
/* type.__getattribute__ / __setattr__ (typeattr.c). */
OuroObject *ou_type_getattro(OuroObject *o, OuroObject *name);
int ou_type_setattro(OuroObject *o, OuroObject *name, OuroObject *value);
/* Heap-type lifetime (typecreate.c). */
void ou_heaptype_dealloc(OuroObject *o);
int ou_heaptype_traverse(OuroObject *o, ouro_visitproc visit, void *arg);
int ou_heaptype_clear(OuroObject *o);
/* type.__call__ / type.__new__ (typecreate.c). */
OuroObject *ou_type_call(OuroObject *callable, OuroObject *args, OuroObject *kwargs);
OuroObject *ou_type_tp_new(OuroType *meta, OuroObject *args, OuroObject *kwargs);
/* object.__init__ and object.__new__ with CPython's excess-argument rules. */
int ou_object_init(OuroObject *self, OuroObject *args, OuroObject *kwargs);
OuroObject *ou_object_new(OuroType *t, OuroObject *args, OuroObject *kwargs);

/* Argument count checks with CPython's messages; 0 or -1 with TypeError. */
int ou_check_nargs(const char *fname, size_t nargs, size_t min, size_t max);
int ou_check_no_kwargs(const char *fname, OuroObject *kwnames);

#endif
