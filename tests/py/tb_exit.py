# sys.exit with a message: printed to stderr, status 1; a KeyError message is the repr.
import sys
try:
    {}["missing key"]
except KeyError as e:
    print("caught", repr(e))
print("exiting")
sys.exit("goodbye from tb_exit")
