from cerr_a_mod import A
B = 2
