# A SyntaxError in the script: nothing runs, the error shows the line and a caret.
print("never printed")
x = (1,
