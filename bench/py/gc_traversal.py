# Full collections over ~1,000,000 live tracked objects: the cost per object of a full
# collection (nothing to free). Prints "metric value" lines; bench/py/gc_run.sh compares.
# Timing: CPython measures gc.collect() with time.perf_counter in gc.callbacks; ouro
# (no time module yet) reports the same span as info["duration"] in the callbacks.
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
live = []
for i in range(500000):
    live.append([[i]])
gc.collect()
tracked = len(gc.get_objects())
gc.callbacks.append(timer)
for _ in range(7):
    gc.collect()
gc.callbacks.remove(timer)
durations.sort()
print("tracked", tracked)
print("ns_per_object", round(durations[len(durations) // 2] * 1e9 / tracked, 2))
