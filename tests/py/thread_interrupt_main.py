# _thread.interrupt_main(): KeyboardInterrupt in the main thread, as if Ctrl-C had been
# pressed, raised at the main thread's next check: at the latest right after the call
# into C that was running, inside the same try, as CPython 3.11.
import _thread, threading, time

try:
    _thread.interrupt_main(100)
except ValueError as e:
    print("ValueError", e)
try:
    _thread.interrupt_main("x")
except TypeError as e:
    print("TypeError", e)
print(_thread.interrupt_main(15))   # no handler for SIGTERM: nothing happens

try:
    _thread.interrupt_main()
    for i in range(3):
        pass
    print("not reached")
except KeyboardInterrupt as e:
    print("KeyboardInterrupt", repr(e))

go = threading.Event()

def later():
    go.wait()
    _thread.interrupt_main()

# The main thread then waits on an event nobody sets: CPython raises when the wait times
# out (interrupt_main sends no real signal), ouro as soon as it looks (its lock waits poll
# for Ctrl-C in the main thread); both inside the try.
done = threading.Event()
t = threading.Thread(target=later)
t.start()
try:
    go.set()
    done.wait(1)
    print("waited")
except KeyboardInterrupt:
    print("interrupted by the thread")
t.join()
print("end")
