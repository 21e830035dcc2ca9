/* src/objects/complexobject.h — complex internals shared inside the objects layer: its
 * format() lives with the other number formats (formatspec.c), and complex(str) reads
 * Unicode digits with float's table (floatobject.c). */
#ifndef OU_COMPLEXOBJECT_H
#define OU_COMPLEXOBJECT_H

#include "objects.h"

/* format(z, spec) for a complex z and a str spec (CPython 3.11's rules and messages).
 * Returns: new str, or NULL with an exception. */
OuroObject *ou_format_complex(OuroObject *z, OuroObject *spec);
/* complex.__format__(spec): TypeError unless spec is a str. New str, or NULL. */
OuroObject *ou_complex_format_method(OuroObject *self, OuroObject *spec);

/* The ASCII character float() and complex() read for the non-ASCII code point cp: a
 * decimal digit's '0'..'9', ' ' for whitespace, '?' otherwise (floatobject.c). */
char ou_float_unicode_to_ascii(uint32_t cp);

#endif
