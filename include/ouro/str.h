/* include/ouro/str.h — str: immutable UTF-8 text with a cached hash and interning.
 * Part of ouro.h. */
#ifndef OURO_STR_H
#define OURO_STR_H

OURO_API extern OuroType ouro_str_type;

static inline bool ouro_str_check(const OuroObject *o)
{ return (OURO_TYPE(o)->tp_flags & OURO_TPFLAG_STR_SUBCLASS) != 0; }
static inline bool ouro_str_check_exact(const OuroObject *o) { return OURO_TYPE(o) == &ouro_str_type; }

/* New str from UTF-8 bytes; UnicodeDecodeError if s is not valid UTF-8. New reference. */
OURO_API OuroObject *ouro_str_from_utf8(const char *s, size_t len);
OURO_API OuroObject *ouro_str_from_cstr(const char *s);
/* Formats like ouro_err_format's message (%R %S %U %T and the C conversions). New str. */
OURO_API OuroObject *ouro_str_from_format(const char *fmt, ...);
OURO_API OuroObject *ouro_str_from_vformat(const char *fmt, va_list ap);
/* The str of one code point (0..0x10FFFF); ValueError outside. New reference. */
OURO_API OuroObject *ouro_str_from_codepoint(uint32_t cp);

/* Borrowed pointer to the NUL-terminated UTF-8 bytes, valid while s lives. */
OURO_API const char *ouro_str_utf8(OuroObject *s);
/* Number of UTF-8 bytes (without the NUL). */
OURO_API ouro_ssize ouro_str_byte_length(OuroObject *s);
/* len(s): number of code points. */
OURO_API ouro_ssize ouro_str_length(OuroObject *s);
/* Code point at index i (0 <= i < len); no bounds check beyond a debug assert. */
OURO_API uint32_t ouro_str_codepoint_at(OuroObject *s, ouro_ssize i);

/* 1 if equal, 0 if not (both must be str). Never fails. */
OURO_API int ouro_str_equal(OuroObject *a, OuroObject *b);
/* 1 if s equals the UTF-8 C string. Never fails. */
OURO_API int ouro_str_equal_cstr(OuroObject *s, const char *c);
/* -1, 0, 1 by code point order. Never fails. */
OURO_API int ouro_str_compare(OuroObject *a, OuroObject *b);
/* hash(s), cached in the object. Never fails. */
OURO_API ouro_hash ouro_str_hash(OuroObject *s);
/* hash of bytes with the process's string-hash key (shared by str and bytes). */
OURO_API ouro_hash ouro_hash_bytes(const void *p, size_t n);

/* a + b. New reference. */
OURO_API OuroObject *ouro_str_concat(OuroObject *a, OuroObject *b);
/* s[start:stop] in code points (already clamped, 0 <= start <= stop <= len). New ref. */
OURO_API OuroObject *ouro_str_substring(OuroObject *s, ouro_ssize start, ouro_ssize stop);
/* repr(s) with CPython's quoting rules. New reference. */
OURO_API OuroObject *ouro_str_repr(OuroObject *s);

/* Interning: replaces *p (a str, owned) with the runtime's canonical equal string, which
 * is immortal. Never fails (on memory failure *p is left as it was). */
OURO_API void ouro_str_intern_in_place(OuroObject **p);
/* The interned (immortal) str for a C string. New (free) reference, or NULL. */
OURO_API OuroObject *ouro_str_intern_cstr(const char *s);
OURO_API int ouro_str_is_interned(OuroObject *s);

#endif
