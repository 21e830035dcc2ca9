# test: not under valgrind (a spinning daemon thread starves the others there)
# Issue 8: the program waits for its non-daemon threads, and daemon threads (spinning,
# sleeping or blocked on a lock) do not keep it alive nor run during teardown.
import threading
import time

def spin():
    n = 0
    while True:
        n += 1

def nap():
    while True:
        time.sleep(0.001)

blocked = threading.Lock()
blocked.acquire()
for target in (spin, nap, blocked.acquire):
    threading.Thread(target=target, daemon=True).start()
print("daemons", sum(t.daemon for t in threading.enumerate()))
out = []

def late_writer():
    time.sleep(0.05)
    out.append("written before exit")
    print(out)

threading.Thread(target=late_writer).start()
print("main done")
