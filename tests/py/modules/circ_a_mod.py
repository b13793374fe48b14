print("circ_a: start")
A_EARLY = "a-early"
import circ_b_mod

A_LATE = "a-late"
print("circ_a: end, b sees", circ_b_mod.seen)
