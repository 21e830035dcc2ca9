#!/usr/bin/env python3
"""Generates tests/unit/test_str_data.h and tests/unit/test_bytes_data.h: str and bytes
method calls with the results (their repr) or the errors (type and message) CPython gives,
and tables of reprs, hashes and slices.

    python3 tests/unit/gen_str_data.py tests/unit

Each call is encoded as a receiver, a method name and a flat argument list (tuples and lists
are a count followed by their items); the last nkw arguments are passed by keyword."""
import itertools
import os
import subprocess
import sys


def c_bytes(b):
    """A C string literal of the bytes b (octal escapes: they stop at 3 digits)."""
    out = []
    for byte in b:
        ch = chr(byte)
        if ch in '\\"?' or not (32 <= byte < 127):
            out.append('\\%03o' % byte)
        else:
            out.append(ch)
    return '"' + ''.join(out) + '"'


def enc(s):
    return s.encode('utf-8', 'surrogatepass')


def arg(v):
    """Flat argument entries for value v."""
    if v is None:
        return ['{\'n\', NULL, 0, 0}']
    if isinstance(v, bool):
        return ['{\'i\', NULL, 0, %d}' % int(v)]
    if isinstance(v, int):
        return ['{\'i\', NULL, 0, %dLL}' % v]
    if isinstance(v, str):
        b = enc(v)
        return ['{\'s\', %s, %d, 0}' % (c_bytes(b), len(b))]
    if isinstance(v, bytes):
        return ['{\'b\', %s, %d, 0}' % (c_bytes(v), len(v))]
    if isinstance(v, float):
        return ['{\'f\', NULL, 0, %d}' % int(v * 1000)]
    if isinstance(v, (tuple, list)):
        head = ['{\'%s\', NULL, 0, %d}' % ('t' if isinstance(v, tuple) else 'l', len(v))]
        return head + [e for x in v for e in arg(x)]
    raise TypeError(v)


def outcome(recv, name, args, kwargs):
    try:
        r = getattr(recv, name)(*args, **kwargs)
    except Exception as e:
        return '!%s: %s' % (type(e).__name__, e)
    return repr(r)


S_RECV = ['', 'a', 'abc', 'Hello, World', '  spaced  out  ', 'a,b,,c,', 'aaa', 'ABC def',
          'ﬁx ǆemo', 'héllo wörld', 'Ünïcödé €uro', '日本語テキスト', 'x😀y😀z', 'ΑΣ Σ ΌΣΟΣ',
          'line1\nline2\r\nline3\rline4\x0bx\x1cy\x85z\u2028w', '\t tab\tstop\n',
          '-42', '+7', 'İstanbul', 'ß straße', 'snake_case_2', 'They\'re bill\'s', '१२३',
          'a\ud800b', '\u3000wide\u3000space\u2009']

S_CALLS = [
    ('find', ('a',)), ('find', ('l',)), ('find', ('',)), ('find', ('o', 5)), ('find', ('',  100)),
    ('find', ('ö', -5)), ('find', ('😀', 2)), ('find', ('a', None, 2)), ('find', (1,)),
    ('find', ()), ('find', ('a', 'x')), ('rfind', ('a',)), ('rfind', ('l', 0, -2)),
    ('rfind', ('😀',)), ('rfind', ('',)), ('index', ('l',)), ('index', ('zz',)),
    ('rindex', ('o',)), ('rindex', ('zz',)), ('count', ('a',)), ('count', ('',)),
    ('count', ('l', 3)), ('count', ('', 2, 4)), ('count', ('😀',)), ('count', (1,)),
    ('startswith', ('He',)), ('startswith', (('x', 'a', 'H'),)), ('startswith', ('', 50)),
    ('startswith', ('l', 2, 3)), ('startswith', (1,)), ('startswith', ((1,),)),
    ('endswith', ('d',)), ('endswith', (('z', 'c'),)), ('endswith', ('l', 0, 3)),
    ('split', ()), ('split', (',',)), ('split', (',', 1)), ('split', (None, 1)),
    ('split', ('',)), ('split', (1,)), ('split', (), {'maxsplit': 1}),
    ('split', (), {'sep': 'l'}), ('split', ('😀',)), ('split', ('x', 1, 2)),
    ('rsplit', ()), ('rsplit', (',', 1)), ('rsplit', (None, 1)), ('rsplit', ('l',)),
    ('splitlines', ()), ('splitlines', (True,)), ('splitlines', (), {'keepends': True}),
    ('strip', ()), ('strip', ('ad',)), ('strip', ('€',)), ('lstrip', ()), ('lstrip', ('a',)),
    ('rstrip', ()), ('rstrip', (', ',)), ('strip', (1,)), ('strip', (None,)),
    ('partition', (',',)), ('partition', ('l',)), ('partition', ('',)), ('partition', ('zz',)),
    ('rpartition', ('l',)), ('rpartition', ('zz',)), ('rpartition', (None,)),
    ('replace', ('a', 'X')), ('replace', ('l', '')), ('replace', ('', '-')),
    ('replace', ('', '-', 3)), ('replace', ('o', '00', 1)), ('replace', ('😀', '!')),
    ('replace', (1, 'a')), ('replace', ('a',)),
    ('upper', ()), ('lower', ()), ('casefold', ()), ('swapcase', ()), ('title', ()),
    ('capitalize', ()), ('isalpha', ()), ('isalnum', ()), ('isdigit', ()), ('isdecimal', ()),
    ('isnumeric', ()), ('isspace', ()), ('isupper', ()), ('islower', ()), ('istitle', ()),
    ('isidentifier', ()), ('isascii', ()), ('isprintable', ()),
    ('zfill', (6,)), ('zfill', (1,)), ('center', (15,)), ('center', (16, '*')),
    ('center', (20, '€')), ('ljust', (14, '.')), ('rjust', (14,)), ('center', (5, 'ab')),
    ('center', (5, 1)), ('center', ()), ('expandtabs', ()), ('expandtabs', (4,)),
    ('expandtabs', (0,)), ('encode', ()), ('encode', ('ascii',)), ('encode', ('latin-1',)),
    ('encode', ('UTF8',)), ('encode', ('koi8',)), ('encode', (1,)),
    ('encode', ('ascii', 'ignore')), ('encode', ('latin-1', 'replace')),
    ('encode', ('utf-8', 'replace')), ('encode', ('ascii', 'bogus')),
    ('encode', (), {'errors': 'ignore'}), ('encode', ('ascii', 1)),
    ('removeprefix', ('He',)), ('removeprefix', ('',)), ('removesuffix', ('ld',)),
    ('removesuffix', (1,)), ('join', (['x', 'y', 'z'],)), ('join', ([],)), ('join', (['é'],)),
    ('join', (('a', 1),)), ('join', (5,)),
]

B_RECV = [b'', b'a', b'abc', b'Hello, World', b'  spaced  out  ', b'a,b,,c,', b'\x00\xff\x80',
          b'line1\nline2\r\nline3\rline4\x0bx', b'-42', b'They\'re bill\'s', b'aaa',
          b'ok\xff\xc3\xa9\xe2\x82']

B_CALLS = [
    ('find', (b'a',)), ('find', (108,)), ('find', (b'',)), ('find', (b'o', 5)), ('find', (256,)),
    ('find', ('a',)), ('rfind', (b'l',)), ('rfind', (b'',)), ('index', (b'l',)),
    ('index', (b'zz',)), ('rindex', (b'zz',)), ('count', (b'a',)), ('count', (b'',)),
    ('count', (97,)), ('count', ('a',)), ('startswith', (b'He',)),
    ('startswith', ((b'x', b'H'),)), ('startswith', ('H',)), ('startswith', (('H',),)),
    ('endswith', (b'd',)), ('endswith', (b'l', 0, 3)),
    ('split', ()), ('split', (b',',)), ('split', (b',', 1)), ('split', (None, 1)),
    ('split', (b'',)), ('split', (',',)), ('rsplit', ()), ('rsplit', (b',', 1)),
    ('rsplit', (None, 1)), ('splitlines', ()), ('splitlines', (True,)),
    ('strip', ()), ('strip', (b'ad',)), ('strip', ('a',)), ('lstrip', ()), ('rstrip', (b', ',)),
    ('partition', (b',',)), ('partition', (b'zz',)), ('rpartition', (b'l',)),
    ('partition', ('a',)), ('replace', (b'a', b'X')), ('replace', (b'', b'-')),
    ('replace', (b'', b'-', 2)), ('replace', (b'l', b'', 1)), ('replace', ('a', 'b')),
    ('upper', ()), ('lower', ()), ('swapcase', ()), ('title', ()), ('capitalize', ()),
    ('isalpha', ()), ('isalnum', ()), ('isdigit', ()), ('isspace', ()), ('isupper', ()),
    ('islower', ()), ('istitle', ()), ('isascii', ()), ('zfill', (6,)), ('center', (15,)),
    ('center', (16, b'*')), ('ljust', (14, b'.')), ('rjust', (14,)), ('center', (3, 'x')),
    ('decode', ()), ('decode', ('ascii',)), ('decode', ('latin-1',)), ('decode', ('nope',)),
    ('decode', ('utf-8', 'replace')), ('decode', ('utf-8', 'ignore')),
    ('decode', ('ascii', 'replace')), ('decode', ('utf-8', 'bogus')),
    ('decode', (), {'errors': 'replace'}), ('decode', (1,)),
    ('hex', ()), ('hex', (':',)), ('hex', (':', 2)), ('hex', (b'-', -2)), ('hex', ('::',)),
    ('removeprefix', (b'He',)), ('removesuffix', (b'ld',)), ('removeprefix', ('a',)),
    ('join', ([b'x', b'y'],)), ('join', ([],)), ('join', ([b'x', 'y'],)), ('join', (3,)),
]


def calls(recvs, table):
    out = []
    for recv in recvs:
        for entry in table:
            name, args = entry[0], entry[1]
            kwargs = entry[2] if len(entry) > 2 else {}
            out.append((recv, name, args, kwargs, outcome(recv, name, args, kwargs)))
    return out


def emit_calls(cname, cases):
    print('static const CallCase %s[] = {' % cname)
    for recv, name, args, kwargs, res in cases:
        flat = [e for a in list(args) + list(kwargs.values()) for e in arg(a)]
        kw = list(kwargs.keys()) + [None] * (2 - len(kwargs))
        rb = enc(recv) if isinstance(recv, str) else recv
        print('    {%s, %d, %s, %d, %d, {%s}, {%s}, %d, %s},' % (
            c_bytes(rb), len(rb), c_bytes(name.encode()), len(args) + len(kwargs), len(kwargs),
            ', '.join(flat) if flat else "{0, NULL, 0, 0}",
            ', '.join('NULL' if k is None else c_bytes(k.encode()) for k in kw),
            len(flat), c_bytes(enc(res))))
    print('};')


REPR_CASES = ['', 'a', "it's", 'say "hi"', 'both \' and "', 'back\\slash', 'tab\there',
              'nl\ncr\r', '\x00\x01\x1f\x7f', '\x80\x9f\xa0\xad\xff', 'é€😀', '\u200b\u2028\u2029',
              '\ud800\udfff', '\U000e0001\U0010ffff\U000f0000', '\u0378\u0600\ufeff',
              'Привет', '日本', '\u3000\u00a0', 'a\u0301', '\x1b[0m']


SLICE_RECV = ['hello, world', 'héllo wörld 😀 日本']
SLICE_PARTS = [None, 0, 1, 3, -1, -4, 5, 100, -100]
SLICE_STEPS = [None, 1, 2, 3, -1, -2, -5]

BYTES_REPR = [b'', b'abc', b"it's", b'say "hi"', b'both \' and "', b'\\', b'\t\n\r',
              bytes(range(0, 256, 5)), b'\x7f\x80\xff']

CALL_TYPES = """typedef struct CallArg { char kind; const char *s; int len; long long i; } CallArg;
typedef struct CallCase {
    const char *recv; int recvlen; const char *method; int nargs; int nkw;
    CallArg args[12]; const char *kw[2]; int nflat; const char *expect;
} CallCase;"""


def emit_str():
    print('/* GENERATED by tests/unit/gen_str_data.py from CPython %s: do not edit. */'
          % sys.version.split()[0])
    print(CALL_TYPES)
    emit_calls('str_calls', calls(S_RECV, S_CALLS))
    print('typedef struct ReprCase { const char *s; int len; const char *repr; } ReprCase;')
    print('static const ReprCase repr_cases[] = {')
    for s in REPR_CASES:
        b = enc(s)
        print('    {%s, %d, %s},' % (c_bytes(b), len(b), c_bytes(enc(repr(s)))))
    print('};')
    print('/* start, stop, step: INT64_MIN stands for None. */')
    print('typedef struct SliceCase { int recv; long long start, stop, step; const char *repr; } SliceCase;')
    print('static const char *const slice_recv[] = {%s};'
          % ', '.join(c_bytes(enc(x)) for x in SLICE_RECV))
    print('static const SliceCase slice_cases[] = {')
    for i, r in enumerate(SLICE_RECV):
        for a, b, c in itertools.product(SLICE_PARTS, SLICE_PARTS, SLICE_STEPS):
            if (a, b) != (None, None) and (a is None) == (b is None) and c not in (None, -1, 2):
                continue  # keep the table small
            n = lambda v: 'INT64_MIN' if v is None else '%dLL' % v
            print('    {%d, %s, %s, %s, %s},' % (i, n(a), n(b), n(c), c_bytes(enc(repr(r[a:b:c])))))
    print('};')
    # Hash values with PYTHONHASHSEED=0 and =12345, computed in child processes.
    hs = ['', 'a', 'abc', 'é', '€', '😀', 'hello world', 'x' * 100, 'é€😀', 'ÿ', 'Ā', '\ud800',
          'abcdefgh', 'abcdefghi', '日本語テキスト' * 5]
    code = 'import sys; xs = %r; print(" ".join(str(hash(x)) for x in xs)); ' \
           'print(" ".join(str(hash(x.encode("utf-8", "surrogatepass"))) for x in xs))' % hs
    print('typedef struct HashCase { const char *s; int len; long long h0, h12345, b0; } HashCase;')
    res = {}
    for seed in ('0', '12345'):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        out = subprocess.run([sys.executable, '-c', code], env=env, capture_output=True,
                             text=True, check=True).stdout.split('\n')
        res[seed] = ([int(x) for x in out[0].split()], [int(x) for x in out[1].split()])
    print('static const HashCase hash_cases[] = {')
    for i, s in enumerate(hs):
        b = enc(s)
        print('    {%s, %d, %dLL, %dLL, %dLL},' % (c_bytes(b), len(b), res['0'][0][i],
                                                   res['12345'][0][i], res['0'][1][i]))
    print('};')


def emit_bytes():
    print('/* GENERATED by tests/unit/gen_str_data.py from CPython %s: do not edit. */'
          % sys.version.split()[0])
    print(CALL_TYPES)
    emit_calls('bytes_calls', calls(B_RECV, B_CALLS))
    print('typedef struct BytesRepr { const char *s; int len; const char *repr; } BytesRepr;')
    print('static const BytesRepr bytes_repr_cases[] = {')
    for b in BYTES_REPR:
        print('    {%s, %d, %s},' % (c_bytes(b), len(b), c_bytes(repr(b).encode())))
    print('};')


def main():
    outdir = sys.argv[1] if len(sys.argv) > 1 else 'tests/unit'
    for name, fn in (('test_str_data.h', emit_str), ('test_bytes_data.h', emit_bytes)):
        with open(os.path.join(outdir, name), 'w') as f:
            sys.stdout = f
            fn()
    sys.stdout = sys.__stdout__


main()
