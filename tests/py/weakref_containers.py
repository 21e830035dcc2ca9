# WeakValueDictionary, WeakKeyDictionary, WeakSet and WeakMethod: entries vanish with
# their objects, including while an iteration runs; the mapping and set methods.
import weakref


class O:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return "O(" + self.name + ")"

    def hello(self, x=""):
        return "hello " + self.name + x


# WeakValueDictionary
objs = [O(str(i)) for i in range(6)]
wv = weakref.WeakValueDictionary()
for o in objs:
    wv[o.name] = o
print("len", len(wv), sorted(wv), wv.get("3"), wv.get("x", "dflt"))
print("items", sorted((k, v.name) for k, v in wv.items()))
print("values", sorted(v.name for v in wv.values()))
print("pop", wv.pop("5"), wv.pop("5", "none"), len(wv))
print("setdefault", wv.setdefault("0", O("new")), "0" in wv)
del wv["4"]
print("del", sorted(wv.keys()))
it = iter(wv.keys())
first = next(it)
del objs[1:3]
rest = list(it)
print("iteration survives deaths", len([first] + rest) <= 5, sorted(wv.keys()))
print("valuerefs", len(wv.valuerefs()), all(r() is not None for r in wv.valuerefs()))
c = wv.copy()
print("copy", type(c).__name__, sorted(c.keys()))
w2 = weakref.WeakValueDictionary({"a": objs[0]}, b=objs[1])
print("constructor", sorted(w2.keys()))
k, v = w2.popitem()
print("popitem", k in ("a", "b"), len(w2))
w2.clear()
print("clear", len(w2))
try:
    wv["missing"]
except KeyError as e:
    print("KeyError", e)
try:
    wv["x"] = 1
except TypeError as e:
    print(e)
del o
objs.clear()
print("all dead", len(wv), list(wv.items()))

# WeakKeyDictionary
keys = [O("k" + str(i)) for i in range(4)]
wk = weakref.WeakKeyDictionary()
for i, k in enumerate(keys):
    wk[k] = i
del k
print("wk", len(wk), wk[keys[1]], keys[2] in wk, O("z") in wk, 5 in wk)
print("wk items", sorted((k.name, v) for k, v in wk.items()))
print("wk get", wk.get(keys[0]), wk.get(O("q"), "none"))
print("wk setdefault", wk.setdefault(keys[0], 99), wk.setdefault(O("tmp"), 7), len(wk))
print("wk pop", wk.pop(keys[3]), len(wk))
del keys[3]
seen = []
for k in wk.keys():
    seen.append(k.name)
    if len(seen) == 1:
        del keys[:]
print("wk iteration with deaths", len(seen) >= 1, len(wk))
del k
print("wk after", len(wk))
wk2 = weakref.WeakKeyDictionary({keys and keys[0] or O("x"): 1})
print("wk2 from dead temp", len(wk2))

# WeakSet
items = [O("s" + str(i)) for i in range(5)]
ws = weakref.WeakSet(items)
print("ws", len(ws), items[0] in ws, O("n") in ws, 3 in ws)
ws.discard(items[0])
ws.remove(items[1])
try:
    ws.remove(O("n"))
except KeyError:
    print("remove missing KeyError")
print("ws after removals", sorted(x.name for x in ws))
n = 0
for x in ws:
    n += 1
    items.clear()
del x
print("ws iteration with deaths", n, len(ws))
items.append(O("late"))
ws.add(items[-1])
ws2 = ws.copy()
print("ws copy", len(ws2), ws2 == ws, ws <= ws2)
print("ws pop", ws.pop() is not None)
items.clear()
print("ws all dead", len(ws), len(ws2), list(ws))


# WeakMethod
class Btn:
    def __init__(self, name):
        self.name = name

    def click(self, who=""):
        return self.name + " clicked" + who


btn = Btn("ok")
wm = weakref.WeakMethod(btn.click)
print("WeakMethod", wm()(), wm()(" by me"), wm() == btn.click)
wm2 = weakref.WeakMethod(btn.click)
print("equal WeakMethods", wm == wm2, wm != wm2, hash(wm) == hash(wm2))
died = []
wm3 = weakref.WeakMethod(btn.click, died.append)
try:
    weakref.WeakMethod(len)
except TypeError as e:
    print(e)
del btn
print("after owner death", wm(), len(died), died and died[0] is wm3, wm == wm2)
