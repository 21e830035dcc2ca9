# Issue 8 stress test: 8 threads x 100,000 operations on shared containers, with the
# cycle collector running (cyclic garbage made in every thread) and objects handed from
# thread to thread; run under make asan and make tsan too.
import gc
import sys
import threading

sys.setswitchinterval(0.0001)  # switch often
NTHREADS = 8
OPS = 100_000
shared_list = []
shared_dict = {}
handoff = [[] for i in range(NTHREADS)]
lock = threading.Lock()
totals = [0] * NTHREADS


class Node:
    def __init__(self, owner, i):
        self.owner = owner
        self.i = i
        self.me = self  # a cycle: only the collector frees it


def worker(k):
    got = 0
    for i in range(OPS):
        op = i % 5
        if op == 0:
            shared_list.append((k, i))
        elif op == 1:
            shared_dict[(k, i % 1000)] = [i]
        elif op == 2:
            Node(k, i)  # cyclic garbage
        elif op == 3:
            handoff[(k + 1) % NTHREADS].append(Node(k, i))
        else:
            box = handoff[k]
            if box:
                node = box.pop()
                got += node.i >= 0
            with lock:
                totals[k] += 1
        if i % 25_000 == 0:
            gc.collect(0)
    totals[k] += got * 0


threads = [threading.Thread(target=worker, args=(k,)) for k in range(NTHREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
gc.collect()
print("list", len(shared_list))
print("dict", len(shared_dict))
print("locked ops", sum(totals))
print("handed", sum(len(h) for h in handoff) <= NTHREADS * OPS // 5)
print("per thread", sorted(set(k for k, i in shared_list)))
sys.setswitchinterval(0.005)
