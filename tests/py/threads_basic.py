# Issue 8: threading and _thread basics with deterministic output.
import threading, time, _thread, sys
# excepthook
def bad():
    raise SystemExit(3)  # ignored by threading.excepthook: nothing printed
t = threading.Thread(target=bad, name="badthread")
t.start(); t.join()
print("alive after", t.is_alive())
# daemon
def forever():
    while True:
        time.sleep(0.01)
d = threading.Thread(target=forever, daemon=True)
d.start()
print(repr(threading.current_thread()).split(" ")[0])
print(threading.active_count())
l = threading.local()
l.x = 1
def f():
    l.x = 2
    print("in thread", l.x)
t = threading.Thread(target=f); t.start(); t.join()
print("main", l.x)
lk = threading.Lock()
print(lk.acquire(timeout=0.05), lk.acquire(timeout=0.05))
try:
    lk.acquire(False, 1)
except ValueError as e: print(e)
lk.release()
try:
    lk.release()
except RuntimeError as e: print(e)
r = threading.RLock()
try: r.release()
except RuntimeError as e: print(e)
s = threading.BoundedSemaphore(2)
s.acquire(); s.release()
try: s.release()
except ValueError as e: print(e)
b = threading.Barrier(3)
out = []
def bw(i):
    out.append(b.wait() >= 0)
ts = [threading.Thread(target=bw, args=(i,)) for i in range(3)]
for x in ts: x.start()
for x in ts: x.join()
print(out)
tm = threading.Timer(0.01, lambda: print("timer fired"))
tm.start(); tm.join()
print(time.sleep(0.001), type(time.time()), type(time.perf_counter_ns()))
try: time.sleep(-1)
except ValueError as e: print(e)
print("end")

# excepthook replaced: it gets the exception and the thread
seen = []
threading.excepthook = lambda a: seen.append((a.exc_type.__name__, str(a.exc_value), a.thread.name))
def bad2():
    raise KeyError("k")
t = threading.Thread(target=bad2, name="hooked"); t.start(); t.join()
print(seen)
threading.excepthook = threading.__excepthook__
# _thread directly
done = threading.Event()
res = []
def raw(a, b=0):
    res.append(a + b)
    done.set()
ident = _thread.start_new_thread(raw, (1,), {"b": 2})
done.wait()
print(res, type(ident).__name__, ident != _thread.get_ident())
print(type(_thread.allocate_lock()).__name__, _thread.LockType is type(threading.Lock()))
for bad in ((lambda: None, [1]), (1, ())):
    try:
        _thread.start_new_thread(*bad)
    except TypeError as e:
        print(e)
# join with timeout on a blocked thread
ev = threading.Event()
w = threading.Thread(target=ev.wait)
w.start()
w.join(0.01)
print("still alive", w.is_alive())
ev.set(); w.join()
print("joined", w.is_alive())
try:
    w.start()
except RuntimeError as e:
    print(e)
try:
    threading.Thread().join()
except RuntimeError as e:
    print(e)
try:
    threading.current_thread().join()
except RuntimeError as e:
    print(e)
print(threading.main_thread() is threading.current_thread(), threading.main_thread().name)
c = threading.Condition()
with c:
    print("wait_for", c.wait_for(lambda: True), c.wait(0.001))
try:
    c.notify()
except RuntimeError as e:
    print(e)
sem = threading.Semaphore(0)
print("sem timeout", sem.acquire(timeout=0.01), sem.acquire(False))
print(sorted(n for n in dir(time) if not n.startswith("_") and n in
      ("time", "monotonic", "perf_counter", "process_time", "sleep", "time_ns",
       "monotonic_ns", "perf_counter_ns")))
print(time.monotonic_ns() > 0, time.time_ns() // 10**9 - int(time.time()) in (0, 1))
