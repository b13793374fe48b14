# circular imports: a module is in sys.modules before its body runs, so the second import of it
# gets the partly initialized module
import circ_a_mod
import circ_b_mod
import sys

print(circ_a_mod.A_LATE, circ_b_mod.seen)
print("circ_a_mod" in sys.modules, "circ_b_mod" in sys.modules)
