# str.maketrans and str.translate
t = str.maketrans("abc", "xyz", "d")
print(sorted(t.items()), "abcd-e".translate(t))
print(str.maketrans({"a": "1", 98: None, "c": 99}))
print("hello".translate({ord("l"): "L!", ord("o"): None}), "héllo".translate({233: "e"}))
print("abc".translate([]), "x".translate({120: 0x1F600}), "".maketrans("a", "b"))
class Tab:
    def __getitem__(self, k):
        if k == 97: return "A"
        raise IndexError(k)
print("banana".translate(Tab()))
for bad in ["str.maketrans(1)", "str.maketrans('ab', 'c')", "str.maketrans({'ab': 1})",
            "str.maketrans({1.5: 1})", "str.maketrans(1, 'a')", "str.maketrans('a', 1)",
            "'a'.translate({97: 1.5})", "'a'.translate({97: -1})", "str.maketrans()",
            "str.maketrans('a', 'b', 'c', 'd')", "'a'.translate({97: 0x110000})"]:
    try:
        print(eval(bad))
    except Exception as e:
        print(bad, type(e).__name__, e)
