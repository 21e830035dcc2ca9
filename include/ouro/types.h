/* include/ouro/types.h — the built-in types, one header each. Part of ouro.h. */
#ifndef OURO_TYPES_H
#define OURO_TYPES_H
#include "int.h"
#include "float.h"
#include "complex.h"
#include "str.h"
#include "bytes.h"
#include "tuple.h"
#include "list.h"
#include "dict.h"
#include "set.h"
#include "range.h"
#include "weakref.h"
#endif
