# Issue 8: Thread subclasses overriding run, thread attributes, Condition.notify_all,
# RLock/Condition interplay and Barrier actions, with deterministic output.
import threading


class Worker(threading.Thread):
    def __init__(self, n):
        super().__init__(name="worker-%d" % n)
        self.n = n
        self.result = None

    def run(self):
        self.result = sum(range(self.n))


ws = [Worker(n) for n in (10, 100, 1000)]
print([w.is_alive() for w in ws], [w.ident for w in ws])
for w in ws:
    w.start()
for w in ws:
    w.join()
print([w.result for w in ws], [w.is_alive() for w in ws])
print([type(w.ident).__name__ for w in ws], [type(w.native_id).__name__ for w in ws])
print(len(set(w.ident for w in ws)) >= 1, ws[0].name, ws[0].daemon)
print(repr(Worker(1)).startswith("<Worker(worker-1, initial"))
try:
    ws[0].daemon = True
except RuntimeError as e:
    print(e)

cond = threading.Condition(threading.RLock())
ready = []
go = []


def waiter(i):
    with cond:
        ready.append(i)
        cond.notify_all()
        while not go:
            cond.wait()
    results.append(i)


results = []
ts = [threading.Thread(target=waiter, args=(i,)) for i in range(4)]
for t in ts:
    t.start()
with cond:
    cond.wait_for(lambda: len(ready) == 4)
    go.append(1)
    cond.notify_all()
for t in ts:
    t.join()
print(sorted(results))

actions = []
barrier = threading.Barrier(3, action=lambda: actions.append("all arrived"))
ts = [threading.Thread(target=barrier.wait) for i in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(actions, barrier.broken, barrier.parties, barrier.n_waiting)
b2 = threading.Barrier(2, timeout=0.01)
try:
    b2.wait()
except threading.BrokenBarrierError:
    print("broken barrier", b2.broken)
local = threading.local()


class MyLocal(threading.local):
    def __init__(self, v):
        self.v = v


ml = MyLocal(5)
seen = []


def use_local():
    seen.append(ml.v)
    ml.v = 7
    seen.append(ml.v)


t = threading.Thread(target=use_local)
t.start()
t.join()
print(seen, ml.v)
print(threading.active_count(), [t.name for t in threading.enumerate()])
