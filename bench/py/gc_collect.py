# Rings of garbage (5,000 rings of 50 lists, three rounds) freed by gc.collect(): the
# cost per freed object. Prints "metric value" lines; bench/py/gc_run.sh compares.
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
gc.collect()
freed = 0
gc.callbacks.append(timer)
for _ in range(3):
    for r in range(5000):
        nodes = [[] for _ in range(50)]
        for i in range(50):
            nodes[i].append(nodes[(i + 1) % 50])
        del nodes
    freed += gc.collect()
gc.callbacks.remove(timer)
print("freed", freed)
print("ns_per_object", round(sum(durations) * 1e9 / freed, 2))
