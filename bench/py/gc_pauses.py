# A churn workload over ~500,000 live tracked objects with automatic collection on:
# pause median / p99 / max (milliseconds) of every collection, from gc.callbacks.
# Prints "metric value" lines; bench/py/gc_run.sh compares.
import gc
try:
    import time
    clock = time.perf_counter
except ImportError:
    clock = None
durations = []
start = [0.0]
def timer(phase, info):
    if "duration" in info:
        if phase == "stop":
            durations.append(info["duration"])
    elif phase == "start":
        start[0] = clock()
    else:
        durations.append(clock() - start[0])

gc.disable()
n = 250000
live = [[i] for i in range(n)]
live2 = [{"k": [i]} for i in range(n // 2)]
gc.collect()
gc.callbacks.append(timer)
gc.enable()
for i in range(600000):
    a = [i]
    b = [a]
    a.append(b)
    if i % 4 == 0:
        live[(i * 7) % n] = [i]
gc.disable()
gc.callbacks.remove(timer)
durations.sort()
k = len(durations)
print("collections", k > 0)
print("pause_median_ms", round(durations[k // 2] * 1e3, 3))
print("pause_p99_ms", round(durations[min(k - 1, (k * 99) // 100)] * 1e3, 3))
print("pause_max_ms", round(durations[-1] * 1e3, 3))
