# 9. The GIL (global interpreter lock).
# Only one thread runs Python code at a time. A CPU-bound job gains nothing from a second thread;
# a job that waits (sleep, I/O) releases the GIL while waiting, so threads do overlap there.
# A running thread is asked to hand over the GIL after the switch interval.
import sys
import threading
import time

WORK = 1000000         # loop iterations of the CPU-bound job, in total
SLEEPS = 4             # waits of the I/O-style job, in total
NAP = 0.1              # seconds per wait


def measured(text):
    print("  ~ " + text)


def count(n):
    # Pure Python arithmetic: holds the GIL the whole time.
    total = 0
    for i in range(n):
        total += i % 7
    return total


def wait(k):
    # Stands in for I/O: time.sleep releases the GIL while it waits.
    for i in range(k):
        time.sleep(NAP)


def timed(job, amount, nthreads, usage=None):
    # Wall time of the job split over nthreads threads; appends (cpu, wall) to usage if given.
    threads = [threading.Thread(target=job, args=(amount // nthreads,))
               for i in range(nthreads)]
    cpu = time.process_time()
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - start
    if usage is not None:
        usage.append((time.process_time() - cpu, wall))
    return wall


def best_of_interleaved(runs, job, amount, usage):
    # Alternate the 1-thread and 2-thread runs and keep the best of each, so that a noisy
    # neighbour on a shared machine slows both sides alike.
    one, two = [], []
    for i in range(runs):
        one.append(timed(job, amount, 1))
        two.append(timed(job, amount, 2, usage))
    return min(one), min(two)


print("Switch interval: sys.getswitchinterval() =", sys.getswitchinterval(), "seconds")

print("CPU-bound: %d iterations of arithmetic, in 1 thread and split over 2 threads" % WORK)
usage = []
cpu1, cpu2 = best_of_interleaved(3, count, WORK, usage)
measured("1 thread: %.3f s, 2 threads: %.3f s, speed-up %.2fx (best of 3 each)"
         % (cpu1, cpu2, cpu1 / cpu2))
# The wall-clock speed-up is at the mercy of other programs on the machine; the CPU the two
# threads consumed is not: with a GIL, they use one CPU at a time even on a multi-core machine.
cpu_used = sum(c for c, w in usage)
wall_used = sum(w for c, w in usage)
measured("2 threads: %.3f s of CPU in %.3f s of wall time = %.2f CPUs busy"
         % (cpu_used, wall_used, cpu_used / wall_used))
print("  2 threads kept at most about one CPU busy (CPU time / wall time below 1.5):",
      cpu_used / wall_used < 1.5)

print("I/O-style: %d sleeps of %.1f s, in 1 thread and split over 2 threads" % (SLEEPS, NAP))
io1 = timed(wait, SLEEPS, 1)
io2 = timed(wait, SLEEPS, 2)
measured("1 thread: %.3f s, 2 threads: %.3f s, speed-up %.2fx" % (io1, io2, io1 / io2))
print("  2 threads are clearly faster (speed-up above 1.5x):", io1 / io2 > 1.5)

print("The switch interval decides how often the GIL changes hands between CPU-bound threads:")
switches = {}


def ping_pong(interval):
    # Two threads append their name while they run; count how often the holder changes.
    sys.setswitchinterval(interval)
    trace = []
    stop = time.perf_counter() + 0.2

    def spin(name):
        while time.perf_counter() < stop:
            trace.append(name)

    ts = [threading.Thread(target=spin, args=(n,)) for n in "ab"]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    return sum(1 for i in range(1, len(trace)) if trace[i] != trace[i - 1])


old = sys.getswitchinterval()
fast = ping_pong(0.001)
slow = ping_pong(0.05)
sys.setswitchinterval(old)
measured("in 0.2 s of two spinning threads: %d hand-overs at 1 ms, %d at 50 ms" % (fast, slow))
print("  a shorter interval gives more hand-overs:", fast > slow)
print("  the interval is back to", sys.getswitchinterval())
print("Conclusion: threads help programs that wait, not programs that compute.")
