/* include/ouro/bytes.h — bytes: immutable byte strings. Part of ouro.h. */
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

#endif
