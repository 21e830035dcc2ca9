# A traceback through nested calls with 3.11's position carets (stderr).
def divide(a, b):
    return a / b

def average(values):
    total = sum(values)
    return divide(total, len(values)) + 0

def report(data):
    result = {"avg": average(data["values"])}
    return result

print("start")
report({"values": []})
