/* include/ouro/bytes.h — bytes (immutable byte strings) and bytearray (mutable ones).
 * Part of ouro.h. */
#ifndef OURO_BYTES_H
#define OURO_BYTES_H

OURO_API extern OuroType ouro_bytes_type;
static inline bool ouro_bytes_check(const OuroObject *o)
{ return (OURO_TYPE(o)->tp_flags & OURO_TPFLAG_BYTES_SUBCLASS) != 0; }

/* New bytes holding a copy of p[0..n) (p may be NULL: zero-filled). New reference. */
OURO_API OuroObject *ouro_bytes_from_data(const void *p, size_t n);
/* Borrowed pointer to the data (NUL-terminated as a convenience), valid while b lives. */
OURO_API const char *ouro_bytes_data(OuroObject *b);
OURO_API ouro_ssize ouro_bytes_length(OuroObject *b);
/* a + b. New reference. */
OURO_API OuroObject *ouro_bytes_concat(OuroObject *a, OuroObject *b);
/* repr(b): b'...' with CPython's escapes. New str. */
OURO_API OuroObject *ouro_bytes_repr(OuroObject *b);

/* bytearray: a mutable byte string (its buffer from the runtime allocator). */
OURO_API extern OuroType ouro_bytearray_type;
static inline bool ouro_bytearray_check(const OuroObject *o)
{ return ouro_object_type_check(o, &ouro_bytearray_type); }
/* New bytearray holding a copy of p[0..n) (p may be NULL: zero-filled). New reference,
 * or NULL with MemoryError. */
OURO_API OuroObject *ouro_bytearray_from_data(const void *p, size_t n);
/* Borrowed pointer to the data (NUL-terminated), valid until b is resized or dies. */
OURO_API char *ouro_bytearray_data(OuroObject *b);
OURO_API ouro_ssize ouro_bytearray_length(OuroObject *b);
/* Sets the length to n (new bytes uninitialized), over-allocating on growth so that
 * appends are amortized O(1). 0, or -1 with MemoryError, or BufferError when the size
 * would change while memoryviews of b exist (b unchanged). */
OURO_API int ouro_bytearray_resize(OuroObject *b, ouro_ssize n);

#endif
