# time.strftime, asctime, ctime and strptime: fixed tuples and strings, and the errors.
import time


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


T = (2009, 2, 13, 23, 31, 30, 4, 44, 0)
g = time.gmtime(1234567890)
for fmt in ('%Y-%m-%d %H:%M:%S', '%a %A %b %B', '%j %U %W %w %u', '%y %C %e %D %T %R',
            '%I %p %M', '%c', '%x', '%X', '%%', '%G-W%V-%u', 'plain', '', '%', 'é %Y ü',
            '%Y' * 50, '%n%t'):
    print(repr(fmt), repr(time.strftime(fmt, T)), time.strftime(fmt, g) == time.strftime(fmt, T))
print(time.strftime('%Z %z', g))
print(time.strftime('%Y', (1, 1, 1, 0, 0, 0, 0, 1, 0)), time.strftime('%Y', (9999,) + T[1:]))
# zero month, day and yday mean 1; isdst is clamped
print(time.strftime('%Y %m %d %j', (2000, 0, 0, 0, 0, 0, 0, 0, 0)))
print(time.strftime('%Y', (2000, 1, 1, 0, 0, 0, 0, 1, 5)),
      time.strftime('%Y', (2000, 1, 1, 0, 0, 0, 0, 1, -5)))
print(time.strftime('%H:%M:%S', (2000, 1, 1, 23, 59, 61, 0, 1, 0)))
print(time.strftime('%a', (2000, 1, 1, 0, 0, 0, -1, 1, 0)), time.strftime('%a', (2000, 1, 1, 0, 0, 0, 7, 1, 0)))
print(type(time.strftime('%Y')))
for bad in ((2000, 13, 1, 0, 0, 0, 0, 1, 0), (2000, 1, 32, 0, 0, 0, 0, 1, 0),
            (2000, 1, 1, 24, 0, 0, 0, 1, 0), (2000, 1, 1, 0, 60, 0, 0, 1, 0),
            (2000, 1, 1, 0, 0, 62, 0, 1, 0), (2000, 1, 1, 0, 0, 0, -2, 1, 0),
            (2000, 1, 1, 0, 0, 0, 0, 367, 0), (2000, -1, 1, 0, 0, 0, 0, 1, 0),
            (2000, 1, -1, 0, 0, 0, 0, 1, 0), (2000, 1, 1, -1, 0, 0, 0, 1, 0),
            (2000, 1, 1, 0, 0, 0, 0, -1, 0), (1,) * 8, (1,) * 10, [2000] + [1] * 8, 5, 'abc',
            (2000.5, 1, 1, 0, 0, 0, 0, 1, 0), (2**70, 1, 1, 0, 0, 0, 0, 1, 0),
            (2**40, 1, 1, 0, 0, 0, 0, 1, 0), ('x', 1, 1, 0, 0, 0, 0, 1, 0)):
    show(lambda: time.strftime('%Y', bad))
show(lambda: time.strftime(5))
show(lambda: time.strftime())
show(lambda: time.strftime('%Y', T, 1))
show(lambda: time.strftime('a\0b', T))
show(lambda: time.strftime(format='%Y'))

# asctime and ctime
print(time.asctime(T), time.asctime(g), time.asctime((2000, 1, 1, 0, 0, 0, 0, 1, 0)))
print(time.asctime((1, 12, 31, 23, 59, 59, 6, 365, 0)), time.asctime((12345, 1, 1, 0, 0, 0, 6, 1, 0)))
print(type(time.asctime()), len(time.asctime()), type(time.ctime()), len(time.ctime(None)))
print(time.ctime(1234567890) == time.asctime(time.localtime(1234567890)))
for bad in ((2000, 13, 1, 0, 0, 0, 0, 1, 0), (2000, 0, 1, 0, 0, 0, 0, 1, 0),
            (2000, 1, 0, 0, 0, 0, 0, 1, 0), (1,) * 8, 'x', (2000, 1, 1, 0, 0, 0, -2, 1, 0)):
    show(lambda: time.asctime(bad))
show(lambda: time.asctime(T, T))
show(lambda: time.ctime(1e20))
show(lambda: time.ctime('x'))
show(lambda: time.ctime(float('nan')))

# strptime
cases = [
    ('2000', '%Y'), ('00', '%y'), ('68', '%y'), ('69', '%y'), ('99 12 31', '%y %m %d'),
    ('2009-02-13 23:31:30', '%Y-%m-%d %H:%M:%S'),
    ('Fri Feb 13 23:31:30 2009', None), ('Thu Jan  1 00:00:00 1970', None),
    ('friday FEBRUARY 13', '%A %B %d'), ('Fri, 13 Feb 2009', '%a, %d %b %Y'),
    ('20090213', '%Y%m%d'), ('2009213', '%Y%m%d'), ('200911', '%Y%m%d'),
    ('1130', '%H%M'), ('5 PM', '%I %p'), ('12 am', '%I %p'), ('12 pm', '%I %p'), ('7', '%I'),
    ('12', '%I'), ('100', '%j'), ('366', '%j'), ('2000 366', '%Y %j'), ('2001 366', '%Y %j'),
    ('2000 10 1', '%Y %U %w'), ('2000 10 1', '%Y %W %w'), ('2000 0 0', '%Y %U %w'),
    ('2000 0 1', '%Y %W %u'), ('2001 53 6', '%Y %W %w'), ('Feb 29', '%b %d'),
    ('Feb 29 2000', '%b %d %Y'), ('Feb 30 2001', '%b %d %Y'), ('Feb 29 2001', '%b %d %Y'),
    ('1.5', '%S.%f'), ('61', '%S'), ('2000 +0130', '%Y %z'), ('2000 -01:30', '%Y %z'),
    ('2000 Z', '%Y %z'), ('2000 +013045', '%Y %z'), ('2000 UTC', '%Y %Z'),
    ('2000 gmt', '%Y %Z'), ('2000 XYZ', '%Y %Z'), ('02/13/09', '%x'), ('23:31:30', '%X'),
    ('Fri Feb 13 23:31:30 2009', '%c'), ('100%', '%j%%'), ('  2000', ' %Y'),
    ('2000   1', '%Y %m'), ('2000\t\n1', '%Y %m'), ('20001', '%Y %m'), ('x', '%Y'),
    ('2000 x', '%Y'), ('2000', '%Y %m'), ('13', '%m'), ('1 3', '%m %d'), ('0', '%d'),
    ('Monday', '%a'), ('mon', '%A'), ('x2000', 'X%Y'), ('2000', '%Q'), ('2000', '%'),
    ('2000', '%Y%'), ('', ''), ('a', ''), ('9999 12 31', '%Y %m %d'), ('0001 1 1', '%Y %m %d'),
    ('24', '%H'), ('Tue 2000 1', '%a %Y %m'), ('3 2000 1', '%u %Y %j'),
]
for s, f in cases:
    if f is None:
        show(lambda: time.strptime(s))
    else:
        def run():
            r = time.strptime(s, f)
            return (r, r.tm_zone, r.tm_gmtoff)
        show(run)
show(lambda: time.strptime(5))
show(lambda: time.strptime('2000', 5))
show(lambda: time.strptime('2000', '%Y', 1))
show(lambda: time.strptime())
print(type(time.strptime('2000', '%Y')))

# ISO week dates and the year range
for s, f in [('2009 07 1', '%G %V %u'), ('2009 01 1', '%G %V %u'), ('2009', '%G'), ('07', '%V'),
             ('2009 07 1', '%Y %V %u'), ('2009 07 1 5', '%G %V %u %j'), ('2004 53 7', '%G %V %u'),
             ('2010 1 Mon', '%G %V %a'), ('2009 0 1', '%G %V %u'), ('0000', '%Y'),
             ('9999 366', '%Y %j'), ('0000 5', '%Y %j'), ('0000 1 1', '%Y %U %w'),
             ('0001 0 1', '%Y %U %w'), ('0001 0 1', '%G %V %u'), ('2000 0 6', '%Y %U %w'),
             ('2001 0 1', '%Y %W %w'), ('2007 0 0', '%Y %U %w')]:
    show(lambda: time.strptime(s, f))

# %z forms, with the regular expression's backtracking into shorter ones
for s, f in [('+01:0009', '%z'), ('+01:00:09', '%z'), ('+0100:09', '%z'), ('+01:00:09.5', '%z'),
             ('z', '%z'), ('+99:59', '%z'), ('-0130', '%z'), ('+010009.123456', '%z'),
             ('+010009.1234567', '%z'), ('+010009Mon', '%z%H%a'), ('200911', '%Y%m%d'),
             ('3662009AM', '%G%V'), ('53-', '%V%u-'), (' 710', '%d')]:
    def run():
        r = time.strptime(s, f)
        return (r, r.tm_gmtoff)
    show(run)

# embedded NUL and non-ASCII text
for s, f in [('2000\x00', '%Y'), ('2000\x00x', '%Y'), ('2000é', '%Y'), ('é2000', 'é%Y')]:
    show(lambda: time.strptime(s, f)[:3])
