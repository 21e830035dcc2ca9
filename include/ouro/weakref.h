/* include/ouro/weakref.h — weak references (the C side of the weakref module). Part of
 * ouro.h.
 *
 * A C type opts in by declaring a field `OuroObject *weakreflist;` (zeroed at allocation)
 * and setting `.tp_weaklistoffset = offsetof(MyObject, weakreflist)`; ouro_dealloc then
 * clears the weak references (and runs their callbacks) after the finalizer and before
 * the type's tp_dealloc. Nothing else is needed in the type's dealloc. */
#ifndef OURO_WEAKREF_H
#define OURO_WEAKREF_H

OURO_API extern OuroType ouro_weakref_type;  /* weakref.ref (ReferenceType) */

/* 1 if o is a weak reference or proxy (a ref subclass counts). Never fails. */
OURO_API bool ouro_weakref_check(const OuroObject *o);
/* weakref.ref(ob, callback): callback may be NULL (or None); a plain ref to ob is shared.
 * Returns: new reference, or NULL with TypeError "cannot create weak reference to 'int'
 * object" (ob's type has no weakref list) or MemoryError. */
OURO_API OuroObject *ouro_weakref_new_ref(OuroObject *ob, OuroObject *callback);
/* weakref.proxy(ob, callback): a CallableProxyType when ob is callable. Same contract. */
OURO_API OuroObject *ouro_weakref_new_proxy(OuroObject *ob, OuroObject *callback);
/* The referent of a ref or proxy: borrowed (None once dead), or NULL with SystemError if
 * ref is not a weak reference. Take a reference (OURO_INCREF) before running any code that
 * could drop the referent's last reference. */
OURO_API OuroObject *ouro_weakref_get_object(OuroObject *ref);
/* The same, as a new reference (None once dead); NULL with SystemError as above. */
OURO_API OuroObject *ouro_weakref_get_ref(OuroObject *ref);

#endif
