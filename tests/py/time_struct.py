# time.struct_time, gmtime, localtime, mktime and their errors (deterministic: fixed
# timestamps, UTC conversions, local round trips).
import time


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


# gmtime of fixed timestamps
for ts in (0, 1, -1, 86399, 86400, 951782400, 1e9, 1234567890.75, -1.5, 2**31, -2**31,
           4102444800, 253402300799):
    t = time.gmtime(ts)
    print(ts, t, t.tm_zone, t.tm_gmtoff)
show(lambda: time.gmtime(1e20))
show(lambda: time.gmtime(-1e20))
show(lambda: time.gmtime(2**70))
show(lambda: time.gmtime(float('nan')))
show(lambda: time.gmtime(float('inf')))
show(lambda: time.gmtime('x'))
show(lambda: time.gmtime(0, 1))
show(lambda: time.gmtime(x=0))
show(lambda: time.gmtime(True))
print(type(time.gmtime()).__name__, len(time.gmtime(None)))

# struct_time as a tuple
t = time.gmtime(1234567890)
print(len(t), t[0], t[-1], t[2:5], list(t), tuple(t))
print(t == (2009, 2, 13, 23, 31, 30, 4, 44, 0), t != tuple(t), hash(t) == hash(tuple(t)))
print(t.tm_year, t.tm_mon, t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec, t.tm_wday, t.tm_yday,
      t.tm_isdst, t.tm_zone, t.tm_gmtoff)
show(lambda: t[9])
print(isinstance(t, tuple), type(t), time.struct_time)
print(time.struct_time.n_fields, time.struct_time.n_sequence_fields,
      time.struct_time.n_unnamed_fields, time._STRUCT_TM_ITEMS)
y, m, d, *rest = t
print(y, m, d, rest)
print(t.__reduce__())
print(sorted(set([t, time.gmtime(1234567890), time.gmtime(0)])))

# the constructor
s = time.struct_time((2000, 1, 2, 3, 4, 5, 6, 7, 0))
print(s, s.tm_zone, s.tm_gmtoff)
s = time.struct_time(range(11))
print(s, s.tm_zone, s.tm_gmtoff, len(s))
s = time.struct_time([2000, 1, 2, 3, 4, 5, 6, 7, 0, 'UTC'])
print(s.tm_zone, s.tm_gmtoff)
show(lambda: time.struct_time((1, 2, 3)))
show(lambda: time.struct_time(range(12)))
show(lambda: time.struct_time(5))
show(lambda: time.struct_time())

# local time: only round trips (the zone of the machine is not fixed)
for ts in (0, 1000000000, 1234567890, 1700000000):
    lt = time.localtime(ts)
    print(ts, time.mktime(lt) == ts, type(lt.tm_gmtoff), type(lt.tm_zone))
print(time.localtime(1234567890.9) == time.localtime(1234567890))
print(time.mktime(time.localtime(1234567890)[:9]) == 1234567890.0)
print(type(time.mktime(time.localtime())))
show(lambda: time.localtime(1e20))
show(lambda: time.localtime(float('nan')))
show(lambda: time.mktime((2000, 1, 1, 0, 0, 0, 0, 1)))
show(lambda: time.mktime(5))
show(lambda: time.mktime((2**40, 1, 1, 0, 0, 0, 0, 1, 0)))
show(lambda: time.mktime((-2**31 - 1, 1, 1, 0, 0, 0, 0, 1, 0)))
show(lambda: time.mktime((2000.0, 1, 1, 0, 0, 0, 0, 1, 0)))
show(lambda: time.mktime((2**80, 1, 1, 0, 0, 0, 0, 1, 0)))

# time zone constants have the right types
print(type(time.timezone), type(time.altzone), time.daylight in (0, 1), type(time.tzname),
      len(time.tzname), time.tzset())
print(time.timezone >= time.altzone, time.daylight == (time.timezone != time.altzone))

# clocks
print(sorted(n for n in dir(time) if n.startswith('CLOCK_')))
print(time.CLOCK_REALTIME, time.CLOCK_MONOTONIC, time.CLOCK_PROCESS_CPUTIME_ID,
      time.CLOCK_THREAD_CPUTIME_ID, time.CLOCK_MONOTONIC_RAW, time.CLOCK_BOOTTIME,
      time.CLOCK_TAI)
for c in (time.CLOCK_REALTIME, time.CLOCK_MONOTONIC, time.CLOCK_PROCESS_CPUTIME_ID):
    a = time.clock_gettime(c)
    b = time.clock_gettime_ns(c)
    print(type(a), type(b), b >= int(a * 1e9) - 10**9, time.clock_getres(c))
show(lambda: time.clock_gettime(99))
show(lambda: time.clock_gettime('x'))
show(lambda: time.clock_gettime_ns(2**40))
show(lambda: time.clock_getres(-5))
show(lambda: time.clock_settime(time.CLOCK_MONOTONIC, 0))
show(lambda: time.clock_settime_ns(time.CLOCK_MONOTONIC, 0))
show(lambda: time.clock_settime_ns(time.CLOCK_REALTIME, 0.5))
show(lambda: time.clock_settime(time.CLOCK_REALTIME, 'x'))
show(lambda: time.clock_settime(time.CLOCK_REALTIME))
for name in ('time', 'monotonic', 'perf_counter', 'process_time', 'thread_time'):
    info = time.get_clock_info(name)
    print(name, info, info.implementation, info.monotonic, info.adjustable, info.resolution)
show(lambda: time.get_clock_info('x'))
show(lambda: time.get_clock_info(5))
import threading
print(type(time.pthread_getcpuclockid(threading.get_ident())))
show(lambda: time.pthread_getcpuclockid('x'))
print(time.clock_gettime(time.pthread_getcpuclockid(threading.get_ident())) >= 0)
print(sorted(n for n in dir(time) if not n.startswith('_')))
