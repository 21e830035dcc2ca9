# Issue 8: a CPU-bound loop run sequentially, then split over 2 and 4 threads. Under a GIL
# the threaded/sequential time ratio is about 1 (no parallelism, little switching cost).
# Prints "name seconds ratio" lines; the same script runs on python3 and ouro.
import threading
import time

N = 2_000_000


def work(n):
    total = 0
    for i in range(n):
        total += i & 7
    return total


def threaded(k):
    ts = [threading.Thread(target=work, args=(N // k,)) for i in range(k)]
    start = time.perf_counter()
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    return time.perf_counter() - start


start = time.perf_counter()
work(N)
seq = time.perf_counter() - start
print("sequential %.3f 1.00" % seq)
for k in (2, 4):
    dt = threaded(k)
    print("threads=%d %.3f %.2f" % (k, dt, dt / seq))
