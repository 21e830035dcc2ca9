# 2. Reference counts going up and down.
# Every object counts the references to it. sys.getrefcount(x) reports that count (plus one for
# its own argument), so we print deltas from a baseline, which are the same on every runtime.
import sys


def measured(text):
    print("  ~ " + text)


class Thing:
    pass


obj = Thing()
base = sys.getrefcount(obj)
measured("sys.getrefcount(obj) right after obj = Thing(): %d" % base)


def delta():
    # The count of obj now, relative to the baseline taken with one name bound.
    return sys.getrefcount(obj) - base


print("Going UP:")
other = obj
print("  other = obj                 -> delta %+d  (a second name)" % delta())
box = [obj]
print("  box = [obj]                 -> delta %+d  (a list slot is a reference too)" % delta())
table = {"key": obj}
print("  table = {'key': obj}        -> delta %+d  (and a dict value)" % delta())


def look(arg):
    # While the call runs, the parameter 'arg' is one more reference to the object.
    return sys.getrefcount(arg) - base


print("  inside look(obj)            -> delta %+d  (the parameter, during the call)" % look(obj))
print("  after look(obj) returned    -> delta %+d  (the parameter went away)" % delta())

print("Going DOWN:")
del table["key"]
print("  del table['key']            -> delta %+d" % delta())
box.clear()
print("  box.clear()                 -> delta %+d" % delta())
other = None
print("  other = None  (rebinding)   -> delta %+d" % delta())


def scope():
    local = obj
    inner = [local, local]
    return sys.getrefcount(obj) - base


print("  inside scope(): local + 2 list slots -> delta %+d" % scope())
print("  after scope() returned      -> delta %+d  (its locals were released)" % delta())
print("Back to the baseline:", delta() == 0)
