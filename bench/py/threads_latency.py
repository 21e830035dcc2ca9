# Issue 8: the convoy effect. One thread runs CPU-bound code while another repeatedly
# sleeps 1 ms and measures how late it wakes (lateness = wake time - (start + 1 ms)).
# Prints median, p99 and max lateness in ms, and the CPU thread's work per second with
# the sleeper relative to alone (1.00 = no throughput lost).
import threading
import time

DURATION = 1.0


def spin(seconds, out):
    end = time.perf_counter() + seconds
    n = 0
    while time.perf_counter() < end:
        for i in range(1000):
            pass
        n += 1
    out.append(n / seconds)


def sleeper(late, stop):
    while not stop:
        t0 = time.perf_counter()
        time.sleep(0.001)
        late.append((time.perf_counter() - t0 - 0.001) * 1000.0)


alone = []
spin(DURATION / 2, alone)  # alone, before and after: the machine's speed drifts
rate = []
late = []
stop = []
cpu = threading.Thread(target=spin, args=(DURATION, rate))
cpu.start()
sl = threading.Thread(target=sleeper, args=(late, stop))
sl.start()
cpu.join()
stop.append(1)
sl.join()
spin(DURATION / 2, alone)
late.sort()
n = len(late)
print("median_ms %.3f" % late[n // 2])
print("p99_ms %.3f" % late[min(n - 1, n * 99 // 100)])
print("max_ms %.3f" % late[-1])
print("cpu_throughput_vs_alone %.2f" % (rate[0] / ((alone[0] + alone[1]) / 2)))
