# 6. Generations.
# The collector does not scan the whole heap each time. New container objects go into
# generation 0; gc.get_count()[0] counts allocations of tracked objects minus deallocations, and
# when it passes threshold 0 a generation-0 collection runs. Survivors move to generation 1, then
# to generation 2, which is collected rarely. gc.callbacks report every collection.
import gc


def measured(text):
    print("  ~ " + text)


def in_generation(obj, gen):
    return any(o is obj for o in gc.get_objects(generation=gen))


print("Thresholds (gen0, gen1, gen2):", gc.get_threshold())
gc.disable()
gc.collect()
c0 = gc.get_count()[0]
measured("gc.get_count() after a full collection: %r" % (gc.get_count(),))

keep = [[] for i in range(100)]     # 100 new lists + 1 outer list: all tracked containers
print("Allocating 101 lists raises count[0] by at least 101:", gc.get_count()[0] - c0 >= 101)
measured("gc.get_count() now: %r" % (gc.get_count(),))
ints = [i * 1000 for i in range(100)]
print("Ints are atomic (no references to others), so they are not tracked:",
      gc.is_tracked(ints[5]) is False)
print("A list is tracked:", gc.is_tracked(keep), "| an int is tracked:", gc.is_tracked(12345))

print("Where does 'keep' live?  gen0:", in_generation(keep, 0), "| gen1:", in_generation(keep, 1))
gc.collect(0)
print("After gc.collect(0) it survived and moved: gen0:", in_generation(keep, 0),
      "| gen1:", in_generation(keep, 1))
gc.collect(1)
print("After gc.collect(1) it moved again:         gen1:", in_generation(keep, 1),
      "| gen2:", in_generation(keep, 2))

events = []


def report(phase, info):
    # Called by the collector at the start and the end of every collection.
    if phase == "stop":
        events.append((info["generation"], info["collected"]))


gc.callbacks.append(report)
print("Now with the collector enabled and a gc.callbacks hook, make 5000 cycles:")
gc.enable()


class Pair:
    pass


for i in range(5000):
    p = Pair()
    p.me = p            # a one-object cycle: only the collector can free it
del p
gc.disable()
gens = [g for g, c in events]
print("  automatic collections happened:", len(events) > 0,
      "| generation 0 was collected most:", gens.count(0) >= max(gens.count(1), gens.count(2)))
print("  the callbacks saw the cycles being collected:", sum(c for g, c in events) > 0)
measured("collections by generation: gen0=%d gen1=%d gen2=%d, objects collected: %d"
         % (gens.count(0), gens.count(1), gens.count(2), sum(c for g, c in events)))
measured("per-generation statistics: %r" % ([(s["collections"], s["collected"])
                                             for s in gc.get_stats()],))
gc.callbacks.remove(report)
gc.enable()
print("Conclusion: young objects are scanned often, old survivors rarely.")
