# collections.defaultdict, OrderedDict, Counter and ChainMap.
from collections import defaultdict, OrderedDict, Counter, ChainMap

def err(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)

# defaultdict
dd = defaultdict(list)
dd['a'].append(1)
print(dd, dd.default_factory, isinstance(dd, dict))
print(dd['b'], 'b' in dd, dd.get('c'), 'c' in dd)
n = defaultdict(None, {'x': 1})
print(n)
err(lambda: n['missing'])
err(lambda: defaultdict(5))
i = defaultdict(int, a=1)
i['b'] += 2
print(i, i == {'a': 1, 'b': 2})
c = i.copy(); print(type(c).__name__, c, c.default_factory)
dd.default_factory = None
err(lambda: dd['zz'])
print(defaultdict(lambda: 0, [(1, 2)])[1], defaultdict(int) | {'k': 1})
print(defaultdict())
r = defaultdict(list); r[0] = r; print(r)

# OrderedDict
od = OrderedDict([('a', 1), ('b', 2), ('c', 3)])
print(od, list(od), isinstance(od, dict))
od.move_to_end('a'); print(list(od))
od.move_to_end('c', last=False); print(list(od))
od.move_to_end('c', False); print(list(od))
err(lambda: od.move_to_end('zz'))
print(od.popitem(), od.popitem(last=False), od)
err(lambda: OrderedDict().popitem())
print(OrderedDict())
o1 = OrderedDict(a=1, b=2); o2 = OrderedDict(b=2, a=1)
print(o1 == o2, o1 != o2, o1 == dict(o2), dict(o2) == o1, o1 == OrderedDict(a=1, b=2))
print(OrderedDict.fromkeys('xy', 0), o1.copy(), type(o1.copy()).__name__)
print(list(reversed(o1)), o1 | {'c': 3})
o1['z'] = 26; del o1['a']; print(o1, o1.pop('b'), o1.setdefault('q', 5), o1)

# Counter
cnt = Counter('abracadabra')
print(cnt)
print(cnt['a'], cnt['zzz'], 'zzz' in cnt)
print(cnt.most_common(2), cnt.most_common(0), cnt.most_common())
print(sorted(cnt.elements()), cnt.total())
cnt.update('aaz'); cnt.update({'b': 10}); cnt.update(q=1)
print(cnt)
cnt.subtract('aaaaaaaaa'); cnt.subtract({'b': 1}, ); cnt.subtract(z=5)
print(cnt)
del cnt['nothere']
print(+cnt, -cnt)
a = Counter(a=3, b=1); b = Counter(a=1, b=2, c=-1)
print(a + b, a - b, a | b, a & b)
x = Counter(a=3); x += Counter(a=-5, b=2); print(x)
x = Counter(a=3, c=1); x -= Counter(a=1); print(x)
x = Counter(a=1); x |= Counter(a=4, b=0); print(x)
x = Counter(a=3, b=2); x &= Counter(a=1); print(x)
print(Counter(a=1) == Counter(a=1, b=0), Counter(a=1) <= Counter(a=2), Counter(a=2) < Counter(a=2))
print(Counter(a=3) >= Counter(a=1), Counter(a=1) > Counter())
print(Counter(), Counter({'x': 2}, y=3), Counter(cats=4, dogs=8).copy())
err(lambda: Counter.fromkeys('abc'))
err(lambda: Counter() + {})
print(list(Counter(a=2, b=-1, c=0).elements()))
print(Counter(['b', 'a', 'b']).most_common(1))

# ChainMap
base = {'a': 1, 'b': 2}; over = {'b': 20, 'c': 30}
cm = ChainMap(over, base)
print(cm, cm['a'], cm['b'], cm['c'], len(cm), sorted(cm), 'a' in cm, 'z' in cm)
print(list(cm), cm.get('z', 'dflt'), list(cm.keys()), list(cm.items()), list(cm.values()))
err(lambda: cm['z'])
cm['a'] = 100
print(over, base, cm['a'])
del cm['a']; print(cm['a'])
err(lambda: cm.__delitem__('a'))
child = cm.new_child(); child['n'] = 1
print(child, child.parents, child.maps[0])
print(cm.new_child({'k': 1}), cm.new_child(m2=2))
print(ChainMap(), bool(ChainMap()), bool(ChainMap({}, {'a': 1})))
print(cm.pop('c'), over)
err(lambda: cm.pop('c'))
err(lambda: ChainMap({}, {'a': 1}).popitem())
print(ChainMap({'a': 1}) == {'a': 1}, cm.copy(), ChainMap.fromkeys('ab', 0))
cm.clear(); print(cm)
cm.update({'u': 1}, v=2); print(cm)
