from cerr_b_mod import B
A = 1
