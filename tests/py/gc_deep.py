# Large and deep garbage graphs are collected without recursion on the C stack.
import gc

gc.disable()
gc.collect()

# A 200,000-long ring of lists.
first = []
node = first
for i in range(199999):
    nxt = []
    node.append(nxt)
    node = nxt
node.append(first)
del first, node, nxt
print("ring", gc.collect())

# A 1,000-deep chain where every link is also a 2-cycle with a partner.
class Link:
    pass

root = None
for i in range(1000):
    link = Link()
    link.down = root
    partner = Link()
    partner.up = link
    link.partner = partner
    root = link
del root, link, partner
print("tree of cycles", gc.collect() > 0, gc.collect())

# A deep nest of dicts in a cycle with its innermost level.
top = {}
d = top
for i in range(50000):
    d["next"] = {}
    d = d["next"]
d["top"] = top
del top, d
print("nested dicts", gc.collect())
