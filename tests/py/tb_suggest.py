# 3.11's "Did you mean" suggestions for NameError and AttributeError (stderr).
import sys
import math

def show(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__)
        sys.excepthook(type(e), e, e.__traceback__)

class Account:
    def __init__(self):
        self.balance = 0
    def deposit(self, amount):
        self.balance += amount

def local_typo(number):
    return numbr
acct = Account()
show(lambda: prnt("x"))
show(lambda: local_typo(1))
show(lambda: acct.balanse)
show(lambda: acct.deposti(1))
show(lambda: math.sqr(4))
show(lambda: acct.zzzzzzz)
show(lambda: "abc".uper())
accounts = [acct]
acounts
