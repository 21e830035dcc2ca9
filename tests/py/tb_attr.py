# Errors raised by builtins, uncaught: the message of the last one (stderr).
values = [1, 2, 3]
print(len(values))
print(values[1:], values.index(2))
x = int("12") + ord("ab")
