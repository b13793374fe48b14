print("circ_b: start")
import circ_a_mod

seen = (circ_a_mod.A_EARLY, hasattr(circ_a_mod, "A_LATE"))
print("circ_b: end")
